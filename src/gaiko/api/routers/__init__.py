"""One router per resource; each parses, calls the KnowledgeBase and returns JSON."""
