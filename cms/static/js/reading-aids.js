// Reading aids of the policy pages (policy/reading_aids.py): a click on a clause's "#" link also copies
// its address, and "Copy" buttons copy the text of the element they name (the full SHA-256). The links
// work without this script; the buttons are shown only when it runs (no inline script: the CSP forbids it).
(function () {
    var status = document.getElementById("copy-status");

    function announce(message) {
        if (!status) return;
        status.textContent = "";
        window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function copy(text, done) {
        if (!navigator.clipboard) return;
        navigator.clipboard.writeText(text).then(function () { announce(done); }, function () {});
    }

    document.querySelectorAll(".anchor-link").forEach(function (link) {
        link.addEventListener("click", function () {
            copy(link.href, status ? status.getAttribute("data-link-copied") : "");
        });
    });

    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
        var target = document.getElementById(button.getAttribute("data-copy-target"));
        if (!target || !navigator.clipboard) return;
        button.hidden = false;
        button.addEventListener("click", function () {
            copy(target.textContent.trim(), status ? status.getAttribute("data-text-copied") : "");
        });
    });
})();
