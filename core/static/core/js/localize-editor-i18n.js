// wagtail-localize's translation editor writes two texts straight into its React bundle, untranslated:
// the heading "<source> to <target> translation" and the screen-reader label "More actions". This
// rewrites them in the admin's language, with the texts the server translated (data attributes below).
(function () {
    var script = document.currentScript;
    var headingFormat = script.getAttribute("data-heading-format");
    var moreActions = script.getAttribute("data-more-actions");
    var heading = /^(.+) to (.+) translation$/;

    function translate(root) {
        root.querySelectorAll(".js-translation-editor h2, .js-translation-editor h3, .js-translation-editor .w-panel__heading").forEach(function (element) {
            var match = element.textContent.trim().match(heading);
            if (match && element.children.length === 0) {
                var text = headingFormat.replace("%(source)s", match[1]).replace("%(target)s", match[2]);
                if (element.textContent !== text) element.textContent = text; // no change, no new mutation
            }
        });
        root.querySelectorAll(".js-translation-editor .w-sr-only").forEach(function (element) {
            if (element.textContent === "More actions" && moreActions !== "More actions") {
                element.textContent = moreActions;
            }
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        var editor = document.querySelector(".js-translation-editor");
        if (!editor) return;
        translate(document);
        new MutationObserver(function () { translate(document); }).observe(editor, { childList: true, subtree: true });
    });
})();
