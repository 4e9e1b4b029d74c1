// ESLint for the explorer (src/gaiko/web): plain ES modules in the browser, no bundler.
// CommonJS here because package.json does not declare "type": "module".
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["src/gaiko/web/vendor/**"] },
  js.configs.recommended,
  {
    files: ["src/gaiko/web/**/*.js"],
    languageOptions: {
      ecmaVersion: 2025,
      sourceType: "module",
      globals: {
        ...globals.browser,
        // UMD libraries loaded by <script> from /vendor/ (d3-geo, d3-zoom and their dependencies; topojson-client).
        d3: "readonly",
        topojson: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-implicit-globals": "error",
      "no-restricted-syntax": ["error",
        { selector: "CallExpression[callee.name='eval']", message: "no eval: the CSP forbids it" },
        { selector: "NewExpression[callee.name='Function']", message: "no new Function: the CSP forbids it" }],
      "no-restricted-properties": ["error",
        { property: "outerHTML", message: "render markup with html`` and render() from lib/html.js" },
        { object: "document", property: "write", message: "render markup with html`` and render() from lib/html.js" },
        { property: "innerHTML", message: "render markup with html`` and render() from lib/html.js, which escape by default" },
        { property: "insertAdjacentHTML", message: "render markup with html`` and render() from lib/html.js" }],
    },
  },
  {
    // The one place that turns markup into DOM.
    files: ["src/gaiko/web/lib/html.js"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["src/gaiko/web/docs.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
];
