// "Print" buttons: shown only when scripts run (the Content-Security-Policy allows no inline handlers).
(function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
    });
})();
