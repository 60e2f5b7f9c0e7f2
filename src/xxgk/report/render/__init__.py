"""Render a report in the national layout: html, docx, xlsx, pdf, md, txt, json."""
