package generator

import "unicode"

// WorkbookIDPattern is the form of a workbook ID, whether it comes from a
// file's path or from the id setting: letters of any script (with the
// combining marks that Hindi and decomposed accents need), digits, '.',
// '-', '_' and '/', starting with a letter or digit, so that coaches can
// name files in their own language. The client runtime holds the same
// pattern as WORKBOOK_ID in themes/default/assets/coachbook.js, to check
// restored files; TestWorkbookIDsAgree in package themes runs both on the
// same IDs.
const WorkbookIDPattern = `^[\p{L}\p{N}][\p{L}\p{M}\p{N}._/-]*$`

// isWorkbookID reports whether id matches WorkbookIDPattern, without the
// regular expression: every page of a site is checked on every build, and
// serve builds again after each edit.
func isWorkbookID(id string) bool {
	for i, r := range id {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
		case i > 0 && (unicode.IsMark(r) || r == '.' || r == '_' || r == '/' || r == '-'):
		default:
			return false
		}
	}
	return id != ""
}
