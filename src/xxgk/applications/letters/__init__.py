"""Letters to the applicant and to the parties consulted (告知书 / 答复书 / 征求意见书), in the
format of GB/T 9704-2012.

`facts` holds what each letter needs as plain data, `texts` writes its words from the law,
`official` lays it out as a Word file; `render` fills the facts from the register. All but
`render` are pure Python.
"""
