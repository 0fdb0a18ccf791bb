"""Render executed notebooks to offline HTML: the reader view (no code) and the code view."""

from __future__ import annotations

from functools import cache
from .language import SWITCH_CSS
from .normalize import fix_html_ids
from .provenance import FOOTER_CSS

# nbconvert's `lab` template with every block that loads something from a CDN emptied:
# require.js, MathJax, Mermaid and the Jupyter-widgets manager. What is left is inline
# CSS and the notebook's own outputs (plots are inline base64 PNG), so the page opens
# with no network. The cost: LaTeX in markdown shows as source text instead of being
# typeset, and widgets show their static fallback.
OFFLINE_TEMPLATE = r"""
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">
main { max-width: 1100px; margin: 0 auto; padding: 1em 1.5em; }
{{ resources.lso_css }}
</style>
{%- endblock html_head_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.lso_header }}
{%- endblock body_header -%}
{% block body_footer %}
{{ resources.lso_footer }}
</main>
</body>
{% endblock body_footer %}
"""


@cache
def exporter(with_code: bool, language: str = "en"):
    """Return a configured HTMLExporter (built once per process: template loading is the slow part).

    Args:
        with_code: False for the reader view (inputs and prompts removed, outputs
            and markdown kept), True for the code view.
        language: the page's language (``<html lang="…">``).
    """
    import jinja2
    from nbconvert import HTMLExporter

    options = {} if with_code else {
        "exclude_input": True, "exclude_input_prompt": True, "exclude_output_prompt": True,
    }  # fmt: skip
    return HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"lso-offline.html.j2": OFFLINE_TEMPLATE})],
        template_file="lso-offline.html.j2",
        embed_images=True,
        language_code=language,
        **options,
    )


def render_html(nb: dict, title: str, footer: str, with_code: bool, folder: str = "", language: str = "en",
                header: str = "") -> str:
    """Render one view of an executed notebook.

    Args:
        nb: the normalized executed notebook (nbformat JSON).
        title: the page title (the notebook's first heading).
        footer: the footer HTML.
        with_code: render the code view rather than the reader view.
        folder: the notebook's folder, where markdown images are looked up to be embedded.
        language: the page's language (``<html lang>``).
        header: HTML put at the top of the page (the language switch).

    Returns:
        The page as text, with deterministic element ids.
    """
    import nbformat

    node = nbformat.from_dict(nb)
    node.metadata["title"] = title  # the lab template puts metadata.title in <title>
    resources = {"lso_footer": footer, "lso_header": header, "lso_css": FOOTER_CSS + (SWITCH_CSS if header else ""),
                 "metadata": {"name": title, "path": folder}}
    body, _ = exporter(with_code, language).from_notebook_node(node, resources=resources)
    return fix_html_ids(body)
