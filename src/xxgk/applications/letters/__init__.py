"""Letters to the applicant (告知书 / 答复书) filled from DOCX templates with docxtpl.

The templates shipped are in this folder (made by `make_templates.py`, editable in Word); an
administrator may upload a replacement for any of them (`LetterTemplate`). A reply's template
is chosen by its outcome: the row's own template if there is one, else its group's.
"""
