// Render TeX to HTML for the build hook: one JSON request per line on stdin,
// [[tex, displayMode], ...]; one JSON answer per line on stdout,
// [{"html": ...} | {"error": ...}, ...]. Started once per build.
"use strict";
const katex = require("katex");
const readline = require("readline");

const options = {
  throwOnError: true, // a formula KaTeX cannot typeset is an error, never red text
  strict: "error", // and so is TeX that real LaTeX would not accept
  output: "htmlAndMathml", // MathML keeps formulas readable by screen readers
  trust: false,
};

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const answers = JSON.parse(line).map(([tex, displayMode]) => {
    try {
      return { html: katex.renderToString(tex, { ...options, displayMode }) };
    } catch (err) {
      return { error: String(err.message || err) };
    }
  });
  process.stdout.write(JSON.stringify(answers) + "\n");
});
