/* "Check your answer" under an exercise (textbook/answer_check.py puts the form there,
   hidden). This script shows it, reads the reader's input with math.js (served by the
   site, loaded on the first page that has a form) and compares it with what the build
   computed: the answer's values at seeded points, or, for an answer without variables, a
   digest of its entries (the page never holds the answer itself). `^` and `**` both mean
   a power. The verdict goes to a line that screen readers announce (aria-live). Without
   JavaScript the form stays hidden and the folded answer works as before. */
(function () {
  "use strict";
  var TOLERANCE = 1e-6;
  var CONSTANTS = ["e", "pi"];
  var script = document.currentScript;
  var mathjs = null;

  function loadMath() {
    if (!mathjs) {
      mathjs = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL("mathjs/math.js", script.src).href; // assets/mathjs/math.js
        tag.onload = function () { resolve(window.math); };
        tag.onerror = function () { mathjs = null; reject(new Error("math.js did not load")); };
        document.head.append(tag);
      });
    }
    return mathjs;
  }

  // cyrb53, as textbook/answer_values.py computes it.
  function cyrb53(text) {
    var h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
  }

  function digest(key, shape, entries) {
    var rounded = entries.map(function (v) { return String(Math.floor(v * 1e6 + 0.5)); });
    return cyrb53(key + "|" + shape.join("x") + "|" + rounded.join(","));
  }

  function describe(shape) {
    if (shape.length === 0) return "a single number or expression";
    if (shape.length === 1) return "a vector of " + shape[0] + " entries";
    return "a " + shape[0] + " × " + shape[1] + " matrix";
  }

  // A value math.js computed -> {shape, entries}, a vector as shape [n].
  function flatten(math, value) {
    if (math.isMatrix(value)) value = value.toArray();
    if (!Array.isArray(value)) return { shape: [], entries: [number(math, value)] };
    if (value.every(function (row) { return !Array.isArray(row) && !math.isMatrix(row); })) {
      return { shape: [value.length], entries: value.map(function (v) { return number(math, v); }) };
    }
    var rows = value.map(function (row) { return math.isMatrix(row) ? row.toArray() : row; });
    var cols = Array.isArray(rows[0]) ? rows[0].length : -1;
    if (!rows.every(function (row) { return Array.isArray(row) && row.length === cols &&
                                           row.every(function (v) { return !Array.isArray(v); }); })) {
      throw new Error("the rows of the matrix differ in length");
    }
    var entries = [].concat.apply([], rows).map(function (v) { return number(math, v); });
    return { shape: [rows.length, cols], entries: entries };
  }

  function number(math, value) {
    if (math.isComplex(value)) {
      if (Math.abs(value.im) > 1e-12 * Math.max(1, Math.abs(value.re))) {
        throw new Error("its value is complex (" + math.format(value, 6) + ")");
      }
      value = value.re;
    } else if (math.isFraction(value) || math.isBigNumber(value)) {
      value = math.number(value);
    }
    if (typeof value !== "number" || !isFinite(value)) {
      throw new Error("it does not give a finite number (" + math.format(value, 6) + ")");
    }
    return value;
  }

  function close(a, b) { return Math.abs(a - b) <= TOLERANCE * (1 + Math.abs(b)); }

  // The reader's answer as the expected one is shaped: a row or column reads as a vector.
  function reshape(got, spec) {
    if (spec.shape.length === 1 && got.shape.length === 2 &&
        (got.shape[0] === 1 || got.shape[1] === 1)) {
      return { shape: [got.entries.length], entries: got.entries };
    }
    return got;
  }

  function transpose(got) {
    var r = got.shape[0], c = got.shape[1], out = [];
    for (var j = 0; j < c; j++) for (var i = 0; i < r; i++) out.push(got.entries[i * c + j]);
    return { shape: [c, r], entries: out };
  }

  // Whether the reader's values (one {shape, entries} per point) match, after `change`.
  function matches(spec, values, change) {
    var changed = values.map(change);
    if (changed[0].shape.join("x") !== spec.shape.join("x")) return false;
    if (spec.digest) return digest(spec.key, spec.shape, changed[0].entries) === spec.digest;
    return changed.every(function (got, p) {
      return got.entries.every(function (v, n) { return close(v, spec.values[p][n]); });
    });
  }

  function verdict(math, spec, text) {
    var node;
    try {
      node = math.parse(text.replace(/\*\*/g, "^"));
    } catch (err) {
      return { kind: "unreadable", text: "Could not read your answer: " + err.message + "." };
    }
    var read = node.toString({ implicit: "show" });
    var unknown = node.filter(function (n, path) {
      return n.isSymbolNode && path !== "fn" && spec.variables.indexOf(n.name) < 0 &&
        CONSTANTS.indexOf(n.name) < 0;
    }).map(function (n) { return n.name; });
    if (unknown.length) {
      var allowed = spec.variables.length ? "it may use " + spec.variables.join(", ")
                                          : "it is a number and uses no variable";
      return { kind: "unreadable", read: read,
               text: "Could not read your answer: it names " + unknown[0] + ", but " + allowed + "." };
    }
    var values;
    try {
      var code = node.compile();
      var points = spec.points || [[]];
      values = points.map(function (point) {
        var scope = {};
        spec.variables.forEach(function (name, n) { scope[name] = point[n]; });
        return reshape(flatten(math, code.evaluate(scope)), spec);
      });
    } catch (err) {
      return { kind: "unreadable", read: read, text: "Could not work out your answer: " + err.message + "." };
    }
    var same = function (got) { return got; };
    var negated = function (got) {
      return { shape: got.shape, entries: got.entries.map(function (v) { return -v; }) };
    };
    var square = spec.shape.length === 2;
    if (matches(spec, values, same)) return { kind: "right", text: "Right." };
    if (square && matches(spec, values, transpose)) {
      return { kind: "close", read: read, text: "Not quite: that is the transpose of the answer " +
               "(its rows are the answer's columns)." };
    }
    if (values[0].shape.join("x") !== spec.shape.join("x")) {
      return { kind: "wrong", read: read, text: "Wrong shape: the answer is " + describe(spec.shape) +
               "; yours is " + describe(values[0].shape) + "." };
    }
    if (matches(spec, values, negated)) {
      return { kind: "close", read: read, text: "Right up to a sign: yours is minus the answer." };
    }
    return { kind: "wrong", read: read, text: "Not right yet. Check your working and try again." };
  }

  function check(form) {
    var spec = JSON.parse(form.dataset.check);
    var input = form.querySelector("input");
    var result = form.querySelector(".answer-check-result");
    var text = input.value.trim();
    if (!text) {
      show(result, { kind: "unreadable", text: "Type your answer first." });
      return;
    }
    loadMath().then(function (math) {
      show(result, verdict(math, spec, text));
    }, function (err) {
      show(result, { kind: "unreadable", text: "The checker could not start: " + err.message + "." });
    });
  }

  function show(result, answer) {
    result.dataset.verdict = answer.kind;
    result.textContent = answer.text + (answer.read ? " Read as: " + answer.read : "");
  }

  function setup() {
    document.querySelectorAll("form.answer-check").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      form.hidden = false;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        check(form);
      });
    });
  }

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
