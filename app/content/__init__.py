"""Loading and validating templates (checklists, screenings, taxonomies, jurisdiction rules)."""

from app.content.templates import Template, TemplateError, TemplateProblem, bundled_templates, load_template

__all__ = ["Template", "TemplateError", "TemplateProblem", "bundled_templates", "load_template"]
