"""Loading and validating templates (checklists, screenings, taxonomies, jurisdiction rules)."""
