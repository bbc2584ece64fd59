/* A figure at full size: each snippet figure gets a button under it that shows the figure
   in a dialog filling the screen (its smallest text 12 CSS px; it scrolls both ways). The
   SVG itself moves into the dialog and back when the dialog closes (Escape or Close), so
   no id is doubled; focus returns to the button. Without JavaScript there is no button,
   and a figure narrower than its minimum width scrolls in its box (book.css). */
(function () {
  function open(figure, svg, button) {
    var dialog = document.createElement("dialog");
    var close = document.createElement("button");
    var box = document.createElement("div");
    dialog.className = "figure-dialog";
    dialog.setAttribute("aria-label", "Figure at full size");
    close.type = "button";
    close.className = "md-button";
    close.textContent = "Close";
    box.className = "figure-full";
    box.tabIndex = 0; // arrow keys scroll the figure
    box.append(svg);
    dialog.append(close, box);
    document.body.append(dialog);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () {
      figure.append(svg);
      dialog.remove();
      button.focus();
    });
    dialog.showModal();
  }

  document$.subscribe(function () {
    document.querySelectorAll("figure.snippet-figure").forEach(function (figure) {
      var svg = figure.querySelector("svg");
      var next = figure.nextElementSibling;
      if (!svg || (next && next.classList.contains("figure-open"))) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "figure-open";
      button.textContent = "Open figure full size";
      button.addEventListener("click", function () { open(figure, svg, button); });
      figure.after(button);
    });
  });
})();
