{#- Rendered once by MkDocs (a static template: the plugin adds it to theme.static_templates). -#}
{%- set markup %}{% include "archive/search-box.html" %}{% endset -%}
// The header search box's markup, the same on every page: written once here instead of into
// each page, where only its place is (archive/search.html). Runs before archive-search.js.
document.querySelectorAll(".archive-search").forEach((box) => {
  box.insertAdjacentHTML("afterbegin", {{ markup | tojson }});
});
