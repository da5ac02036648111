// Cookie banner (issue #13). The page is the same for every visitor: this script decides from the
// visitor's first-party cookie `edna_cookie_choice` ("<policy version>:<categories joined by +>:<id>")
// whether to show the banner (no choice yet, or one made before the newest material policy version in
// effect: data-material-version), loads analytics only after an opt-in, logs each choice on the server
// (POST data-endpoint, JSON) and removes the analytics cookies when the visitor withdraws. A browser
// with Global Privacy Control (navigator.globalPrivacyControl) refuses analytics without being asked.
(function () {
    "use strict";
    var banner = document.querySelector("[data-cookie-banner]");
    if (!banner) return;

    var COOKIE = "edna_cookie_choice";
    var MAX_AGE = 180 * 24 * 3600; // ask again after six months at the latest
    var ANALYTICS_COOKIE = /^(_ga|_ga_[A-Za-z0-9_]+|_gid|_gat[A-Za-z0-9_]*|_ym_[A-Za-z0-9_]+)$/;
    var status = document.querySelector("[data-cookie-status]");
    var settingsForm = banner.querySelector("[data-layer=settings]");
    var firstLayer = banner.querySelector("[data-layer=first]");
    var settingsButton = banner.querySelector("[data-action=settings]");
    var analyticsBox = banner.querySelector("[data-category=analytics]");
    var gpc = navigator.globalPrivacyControl === true;
    var currentVersion = parseInt(banner.getAttribute("data-policy-version"), 10) || 0;
    var materialVersion = parseInt(banner.getAttribute("data-material-version"), 10) || 0;
    var returnFocusTo = null;
    var analyticsLoaded = false;

    function readChoice() {
        var match = document.cookie.match(/(?:^|;\s*)edna_cookie_choice=([0-9]{1,7}):([a-z+]{1,40}):([0-9a-f-]{36})(?:;|$)/);
        if (!match) return null;
        return { version: parseInt(match[1], 10), categories: match[2].split("+"), id: match[3] };
    }

    function writeChoice(version, analytics, id) {
        var categories = analytics ? "necessary+analytics" : "necessary";
        var secure = location.protocol === "https:" ? "; Secure" : "";
        document.cookie = COOKIE + "=" + version + ":" + categories + ":" + id +
            "; path=/; max-age=" + MAX_AGE + "; SameSite=Lax" + secure;
    }

    function removeAnalyticsCookies() {
        var host = location.hostname;
        var domains = [""];
        var parts = host.split(".");
        for (var i = 0; i < parts.length - 1; i++) {
            var domain = parts.slice(i).join(".");
            domains.push("; domain=" + domain, "; domain=." + domain);
        }
        document.cookie.split(";").forEach(function (pair) {
            var name = pair.split("=")[0].trim();
            if (!ANALYTICS_COOKIE.test(name)) return;
            domains.forEach(function (domain) {
                document.cookie = name + "=; path=/; max-age=0; expires=Thu, 01 Jan 1970 00:00:00 GMT" + domain;
            });
        });
        var ga = banner.getAttribute("data-ga4");
        if (ga) window["ga-disable-" + ga] = true;
    }

    function addScript(src) {
        var script = document.createElement("script");
        script.async = true;
        script.src = src;
        document.head.appendChild(script);
    }

    function loadAnalytics() {
        if (analyticsLoaded || gpc) return;
        analyticsLoaded = true;
        var yandex = banner.getAttribute("data-yandex-metrica");
        var ga = banner.getAttribute("data-ga4");
        if (yandex) {
            window.ym = window.ym || function () { (window.ym.a = window.ym.a || []).push(arguments); };
            window.ym.l = Date.now();
            addScript("https://mc.yandex.ru/metrika/tag.js");
            window.ym(parseInt(yandex, 10), "init", { clickmap: true, trackLinks: true, accurateTrackBounce: true });
        }
        if (ga) {
            window["ga-disable-" + ga] = false;
            window.dataLayer = window.dataLayer || [];
            window.gtag = window.gtag || function () { window.dataLayer.push(arguments); };
            window.gtag("js", new Date());
            window.gtag("config", ga);
            addScript("https://www.googletagmanager.com/gtag/js?id=" + encodeURIComponent(ga));
        }
    }

    function announce(text) {
        if (!status) return;
        status.textContent = "";
        window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function showGpcNotes() {
        if (!gpc) return;
        Array.prototype.forEach.call(banner.querySelectorAll("[data-gpc-note]"), function (note) {
            note.hidden = false;
        });
        if (analyticsBox) {
            analyticsBox.checked = false;
            analyticsBox.disabled = true;
        }
    }

    function showSettings(show) {
        settingsForm.hidden = !show;
        firstLayer.hidden = show;
        settingsButton.setAttribute("aria-expanded", show ? "true" : "false");
    }

    function open(withSettings) {
        var stored = readChoice();
        if (analyticsBox && !gpc) analyticsBox.checked = !!(stored && stored.categories.indexOf("analytics") >= 0);
        showGpcNotes();
        showSettings(withSettings);
        banner.hidden = false;
        // Room below the page's last line, so nothing stays under the banner (nothing above moves).
        document.body.style.paddingBottom = banner.offsetHeight + "px";
        var target = withSettings ? settingsForm.querySelector("input:not([disabled]), button") : banner;
        (target || banner).focus();
    }

    function close() {
        banner.hidden = true;
        document.body.style.paddingBottom = "";
        if (returnFocusTo) {
            returnFocusTo.focus();
            returnFocusTo = null;
        }
    }

    function record(analytics, method) {
        var stored = readChoice();
        var body = {
            version: currentVersion,
            categories: analytics ? ["necessary", "analytics"] : ["necessary"],
            method: method,
            gpc: gpc,
            language: banner.getAttribute("data-language")
        };
        if (stored) body.id = stored.id;
        return fetch(banner.getAttribute("data-endpoint"), {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(body)
        }).then(function (response) {
            if (response.status !== 201) throw new Error("not saved");
            return response.json();
        });
    }

    // The server logs the choice as made, with Global Privacy Control (the browser's, or a Sec-GPC
    // header it sees on the POST) turning analytics off; what it answers is what is stored here.
    function choose(analytics, method) {
        close();
        if (!analytics || gpc) removeAnalyticsCookies();
        return record(analytics, method).then(function (saved) {
            writeChoice(saved.version, saved.analytics, saved.id);
            if (saved.analytics) loadAnalytics();
            else removeAnalyticsCookies();
            if (method !== "gpc") announce(banner.getAttribute("data-saved-text"));
        }).catch(function () {
            if (method !== "gpc") announce(banner.getAttribute("data-failed-text"));
        });
    }

    Array.prototype.forEach.call(banner.querySelectorAll("[data-action=accept]"), function (button) {
        button.addEventListener("click", function () { choose(true, "accept"); });
    });
    Array.prototype.forEach.call(banner.querySelectorAll("[data-action=reject]"), function (button) {
        button.addEventListener("click", function () { choose(false, "reject"); });
    });
    settingsButton.addEventListener("click", function () { showSettings(true); open(true); });
    settingsForm.addEventListener("submit", function (event) {
        event.preventDefault();
        choose(!!(analyticsBox && analyticsBox.checked), "settings");
    });
    banner.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && returnFocusTo) close();
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-cookie-settings]"), function (link) {
        link.addEventListener("click", function (event) {
            event.preventDefault();
            returnFocusTo = link;
            open(true);
        });
    });

    var stored = readChoice();
    var upToDate = stored && stored.version >= materialVersion;
    if (upToDate) {
        if (stored.categories.indexOf("analytics") >= 0 && !gpc) loadAnalytics();
        if (gpc && stored.categories.indexOf("analytics") >= 0) choose(false, "gpc");
    } else if (gpc) {
        choose(false, "gpc");
    } else {
        open(false);
    }
})();
