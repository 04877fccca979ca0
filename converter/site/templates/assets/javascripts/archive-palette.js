{#- Rendered once by MkDocs (a static template: chrome.static_templates) where the palette has toggles. -#}
{%- set form %}{% include "partials/palette.html" %}{% endset -%}
{%- set script %}{% include "partials/javascripts/palette.html" %}{% endset -%}
// The palette toggles, the same on every page and of use only with JavaScript: written here once,
// where the header loads this script, instead of into each page. Then Material's palette script,
// which reads them.
document.currentScript.insertAdjacentHTML("beforebegin", {{ form | trim | tojson }});
{{ script | trim | replace("<script>", "") | replace("</script>", "") }}
