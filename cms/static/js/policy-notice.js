// Dismissible policy banner: remembers the dismissed version number in a cookie, so a newer version
// is announced again. Loaded right after the banner (not deferred), so a dismissed banner is hidden
// before it is painted; the server sends the same banner to every visitor.
(function () {
    var banner = document.querySelector("[data-policy-notice]");
    if (!banner) return;
    var version = banner.getAttribute("data-policy-notice");
    var match = document.cookie.match(/(?:^|;\s*)policy_notice_dismissed=(\d+)/);
    if (match && match[1] === version) {
        banner.hidden = true;
        return;
    }
    var button = banner.querySelector("[data-dismiss]");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
        document.cookie = "policy_notice_dismissed=" + version + "; path=/; max-age=31536000; SameSite=Lax";
        banner.hidden = true;
    });
})();
