// After an invalid submit, move focus to the error summary (its links lead to each field in error), so
// keyboard and screen-reader users start where the problems are listed.
document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
});
