package scriptfree

// place sets where each attribute starts, given tag, the start tag's text
// from its '<', at offset off of the file. The parsers give the
// attributes without their places; they are found again by reading the
// tag as HTML and XML both do. When the count disagrees, the attributes
// keep -1 and problems are reported at the element.
func place(attrs []attr, tag []byte, off int) {
	var starts []int
	i := 1
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '/' && tag[i] != '>' {
		i++ // the element's name
	}
	for {
		for i < len(tag) && (isSpace(tag[i]) || tag[i] == '/') {
			i++
		}
		if i >= len(tag) || tag[i] == '>' {
			break
		}
		starts = append(starts, i)
		i++ // An '=' that starts a name is part of it.
		for i < len(tag) && !isSpace(tag[i]) && tag[i] != '/' && tag[i] != '>' && tag[i] != '=' {
			i++
		}
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] != '=' {
			continue
		}
		i++
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i < len(tag) && (tag[i] == '"' || tag[i] == '\'') {
			quote := tag[i]
			i++
			for i < len(tag) && tag[i] != quote {
				i++
			}
			i++
			continue
		}
		for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' {
			i++
		}
	}
	if len(starts) != len(attrs) {
		return
	}
	for k := range attrs {
		attrs[k].off = off + starts[k]
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}
