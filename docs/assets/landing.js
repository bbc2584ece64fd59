/* A link to a place in a page (a heading, an equation: `eq. (42)`) lands on it, under the
   header. A block below the screen is laid out only as it nears it (book.css,
   content-visibility), so the blocks around a place reached by a jump grow from their
   stand-in height as they are laid out, and the place drifts: after instant navigation
   from another page, by thousands of pixels. For a moment after each jump this puts the
   place back under the header whenever the article's height changes, until the reader
   scrolls, types or taps. Going back or forward to a page, or reloading it, keeps the
   position the browser (or Material's instant navigation) restores. */
(function () {
  var settle = null;
  var LONGEST_MS = 2000;
  var READER = ["wheel", "touchstart", "keydown", "pointerdown"];
  var entry = performance.getEntriesByType("navigation")[0];
  var revisit = !!entry && (entry.type === "back_forward" || entry.type === "reload");
  if (window.navigation) { // Back and Forward within the site: Material restores a position
    navigation.addEventListener("navigate", function (event) {
      revisit = event.navigationType === "traverse";
    });
  }

  function target() {
    var id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (error) { // a malformed escape: the id as written
    }
    return id ? document.getElementById(id) : null;
  }

  function land() {
    if (settle) settle();
    var place = target();
    var article = document.querySelector(".md-content__inner");
    if (revisit || !place || !article) {
      revisit = false;
      return;
    }
    var header = document.querySelector(".md-header");
    var put = function () {
      var top = header ? header.getBoundingClientRect().bottom : 0;
      var margin = parseFloat(getComputedStyle(document.documentElement).fontSize);
      window.scrollBy(0, place.getBoundingClientRect().top - top - margin);
    };
    var observer = new ResizeObserver(put);
    var timer = setTimeout(function () { settle(); }, LONGEST_MS);
    settle = function () {
      observer.disconnect();
      clearTimeout(timer);
      READER.forEach(function (kind) { removeEventListener(kind, settle, true); });
      settle = null;
    };
    READER.forEach(function (kind) { addEventListener(kind, settle, true); });
    observer.observe(article);
  }

  document$.subscribe(land); // every page, and each one instant navigation brings
  addEventListener("hashchange", land);
})();
