// The sheet's print button; a file, not an inline handler, so the Content-Security-Policy
// can refuse every inline script.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("print-sheet");
  if (button) {
    button.addEventListener("click", () => window.print());
  }
});
