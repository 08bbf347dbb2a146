package directive

import (
	"errors"
	"fmt"
	"html"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// FuzzDirectiveAttributes parses any attribute text with ParseAttributes
// and checks it against referenceAttributes, a separate reading of the
// syntax in the package comment, parser.txt and the README: both accept
// the same texts with the same attributes, values and offsets, and an
// error is placed inside the text, no earlier than the attribute that
// broke the syntax. Attributes it accepts must survive being written out
// again, and the same text inside a directive's line must give the same
// attributes, or the same error, at the line's offsets. Its seeds are the
// attribute lists of testdata/parser.txt and the ones below; fuzz it with
//
//	go test ./generator/directive -run '^$' -fuzz '^FuzzDirectiveAttributes$' -parallel 1
func FuzzDirectiveAttributes(f *testing.F) {
	for _, seed := range parserTxtAttributes(f) {
		f.Add(seed)
	}
	for _, seed := range attributeSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		attrs, err := ParseAttributes(s)
		want, failAt, ok := referenceAttributes(s)
		if err != nil {
			var se *SyntaxError
			switch {
			case !errors.As(err, &se):
				t.Fatalf("%q: error %v is not a SyntaxError", s, err)
			case ok:
				t.Fatalf("%q: error %q at %d, but the reference reads %s", s, se.Msg, se.Offset, formatAttrs(want))
			case se.Offset < failAt || se.Offset > len(s):
				t.Fatalf("%q: error %q at %d, outside %d..%d", s, se.Msg, se.Offset, failAt, len(s))
			}
		} else {
			if !ok {
				t.Fatalf("%q: parsed %s, but the reference stops at %d", s, formatAttrs(attrs), failAt)
			}
			if !slices.Equal(attrs, want) {
				t.Fatalf("%q:\n parsed    %s\n reference %s", s, formatAttrs(attrs), formatAttrs(want))
			}
			again, err := ParseAttributes(writeAttrs(attrs))
			if err != nil || !sameMeaning(again, attrs) {
				t.Fatalf("%q written as %q reads back as %s, %v", s, writeAttrs(attrs), formatAttrs(again), err)
			}
		}
		checkInLine(t, s, attrs, err)
	})
}

// checkInLine parses s as the attributes of a directive's line. When the
// line's braces enclose exactly s, the directive has the attributes or the
// error that ParseAttributes gave, shifted to the line's offsets; in any
// case every offset is on the line.
func checkInLine(t *testing.T, s string, attrs []Attr, err error) {
	if strings.ContainsAny(s, "\r\n") {
		return // A directive's line never holds a line break.
	}
	const base, open = 1000, len("::name{")
	line := []byte("::name{" + s + "}")
	d := parseLine(line, base)
	if d == nil {
		t.Fatalf("%q: the line names no directive", line)
	}
	if d.Err != nil && (d.ErrOffset < base || d.ErrOffset > base+len(line)) {
		t.Fatalf("%q: error %v at %d, off the line %d..%d", line, d.Err, d.ErrOffset, base, base+len(line))
	}
	for _, a := range d.Attrs {
		if a.Offset < base || a.Offset >= base+len(line) {
			t.Fatalf("%q: attribute %s at %d, off the line", line, a.Key, a.Offset)
		}
	}
	if end, _ := scanBraces(line, open-1); end != len(line)-1 {
		return // A } in s ends the attributes early.
	}
	var se *SyntaxError
	if errors.As(err, &se) {
		if d.Err == nil || d.Err.Error() != se.Msg || d.ErrOffset != base+open+se.Offset {
			t.Fatalf("%q: line error %v at %d, want %q at %d", line, d.Err, d.ErrOffset, se.Msg, base+open+se.Offset)
		}
		return
	}
	shifted := slices.Clone(attrs)
	for i := range shifted {
		shifted[i].Offset += base + open
	}
	if d.Err != nil || !slices.Equal(d.Attrs, shifted) {
		t.Fatalf("%q: line gives %s, %v; want %s", line, formatAttrs(d.Attrs), d.Err, formatAttrs(shifted))
	}
}

// referenceToken is one attribute with the spaces before it: a #id or
// .class shortcut, or a key with an optional double-quoted, single-quoted
// or bare value after an = that spaces may surround, which must be
// followed by a space or the end. A key is what
// micromark-extension-directive's dev/lib/factory-attributes.js reads:
// it starts with - _ or anything but punctuation and space, and goes on
// with . and : too.
var referenceToken = regexp.MustCompile(`^(?s)([ \t]*)(?:([#.])([^ \t#.="'{}]+)|(` + referenceKeyStart + `(?:` + referenceKeyStart + `|[.:])*)(?:[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^ \t"'=<>` + "`" + `]+))(?:[ \t]+|$))?)`)

const referenceKeyStart = `(?:[-_]|[^\p{P}\p{S}\p{Z}\t\n\v\f\r\x{85}])`

// referenceEscape is a backslash and the ASCII punctuation it stands for,
// or a character reference: a name, or a decimal or hexadecimal number.
var referenceEscape = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])|&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));`)

// referenceReference is a character reference alone.
var referenceReference = regexp.MustCompile(`()&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));`)

// referenceDecode decodes character references in s, and backslash
// escapes too when escapes is set.
func referenceDecode(s string, escapes bool) string {
	re := referenceReference
	if escapes {
		re = referenceEscape
	}
	return re.ReplaceAllStringFunc(s, func(m string) string {
		g := re.FindStringSubmatch(m)
		switch {
		case g[1] != "":
			return g[1]
		case g[2] != "" || g[3] != "":
			n, _ := strconv.ParseInt(g[2], 10, 32)
			if g[3] != "" {
				n, _ = strconv.ParseInt(g[3], 16, 32)
			}
			if n == 0 || n > unicode.MaxRune || 0xD800 <= n && n <= 0xDFFF {
				return "\uFFFD"
			}
			return string(rune(n))
		}
		// A known entity; html also reads a known prefix of an unknown
		// name, leaving the rest and the ; behind.
		if d := html.UnescapeString(m); d != m && (!strings.HasSuffix(d, ";") || g[4] == "semi") {
			return d
		}
		return m
	})
}

// referenceAttributes reads s token by token with referenceToken. It
// returns the attributes, or the offset of the attribute where the text
// stops being valid and false.
func referenceAttributes(s string) (attrs []Attr, failAt int, ok bool) {
	seen := map[string]int{}
	for i := 0; strings.TrimLeft(s[i:], " \t") != ""; {
		m := referenceToken.FindStringSubmatchIndex(s[i:])
		group := func(n int) (string, bool) {
			if m[2*n] < 0 {
				return "", false
			}
			return s[i+m[2*n] : i+m[2*n+1]], true
		}
		start := i + len(s[i:]) - len(strings.TrimLeft(s[i:], " \t"))
		if m == nil {
			return nil, start, false
		}
		a := Attr{Offset: start}
		if shortcut, isShortcut := group(2); isShortcut {
			a.Key = "id"
			if shortcut == "." {
				a.Key = "class"
			}
			a.Value, _ = group(3)
			a.Value = referenceDecode(a.Value, false)
		} else {
			a.Key, _ = group(4)
			a.Value, a.Bare = "true", true
			for _, n := range []int{5, 6, 7} {
				if v, has := group(n); has {
					a.Value, a.Bare = referenceDecode(v, n != 7), false
				}
			}
		}
		i += m[1]
		if a.Key == "class" && a.Bare {
			return nil, start, false // A class is a name, never a flag.
		}
		// Every class joins the first; any other key may appear once.
		if at, dup := seen[a.Key]; dup {
			if a.Key != "class" {
				return nil, start, false
			}
			attrs[at].Value += " " + a.Value
			continue
		}
		seen[a.Key] = len(attrs)
		attrs = append(attrs, a)
	}
	return attrs, 0, true
}

// writeAttrs writes attributes back as attribute text, every value quoted
// and every & a reference.
func writeAttrs(attrs []Attr) string {
	var parts []string
	for _, a := range attrs {
		if a.Bare {
			parts = append(parts, a.Key)
			continue
		}
		parts = append(parts, a.Key+`="`+strings.NewReplacer(`\`, `\\`, `"`, `\"`, `&`, `&amp;`).Replace(a.Value)+`"`)
	}
	return strings.Join(parts, " ")
}

// sameMeaning compares attributes but not where they were written.
func sameMeaning(a, b []Attr) bool {
	return slices.EqualFunc(a, b, func(x, y Attr) bool { return x.Key == y.Key && x.Value == y.Value && x.Bare == y.Bare })
}

func formatAttrs(attrs []Attr) string {
	var parts []string
	for _, a := range attrs {
		parts = append(parts, fmt.Sprintf("%s=%q(bare %t)@%d", a.Key, a.Value, a.Bare, a.Offset))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// parserTxtAttributes returns the text between { and the last } of every
// directive line in the inputs of testdata/parser.txt.
func parserTxtAttributes(t testing.TB) []string {
	data, err := os.ReadFile("testdata/parser.txt")
	if err != nil {
		t.Fatal(err)
	}
	var attrs []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimLeft(line, " >-")
		if !strings.HasPrefix(line, "::") {
			continue
		}
		if open := strings.IndexByte(line, '{'); open >= 0 {
			end := strings.LastIndexByte(line, '}')
			if end < open {
				end = len(line)
			}
			attrs = append(attrs, line[open+1:end])
		}
	}
	if len(attrs) < 10 {
		t.Fatalf("only %d attribute lists in parser.txt", len(attrs))
	}
	return attrs
}

var attributeSeeds = []string{
	``, ` `, "\t", `#`, `.`, `#a#b`, `#a.b.c`, `.a .b class=c`, `#a id=b`, `id=a #b`, `class=x class=y`,
	`key`, `key=`, `key= x`, `key=x`, `key="x"`, `key='x'`, `key="x"y`, `key=x"y`, `key="a \"b\" c"`, `key='it''s'`,
	`key="\\"`, `key="\"`, `key="a\`, `key='\'\\'`, `key="multi
line"`, `k-e_y:z=1 _u=2 a1=3`, `1abc=x`, `-x=1`, `:x=1`, `k=a=b`, `k=<b>`, "k=`x`", `k=a}b`, `k="}" j='{'`,
	`#id .cls key=value quoted="a value" single='v' bare`, `#x	.y	k=v	`, `  #x  `, `#x"`, `#x=`, `.{`, `#}`,
	`options="a|b|c" other="Other" multiple max=3`, `placeholder="&quot; onfocus=x autofocus &quot;"`,
	`hint="<script>alert(1)</script>" class='a" onclick="b'`, `title="é日本語😀" #ü .ß`, "k=\x00 #\xff .\xc3",
	`k="\é"`, `x=1 x=2`, `a = b c	=	'd' f  = "g" h`, `data.x=1 xml:lang=fr -z _w 9n плутон`, `a#b.c`,
	`t="Fish &amp; chips" u=&#233; v='&eacute;' w="a&somethingelse;b" x=&param y=&#x1F600; z="&#0;" #caf&eacute;`,
	`p=C:\Users q="C:\Users\x" r="\&amp;" s=\&amp; t=&notit; u=&semi; v=&#xD800; w=&#1114112;`, `k=“curly” j=‘x’`, `k= `, `k =`,
	`a ="b"c`, `é`, "a\u00a0b", `#a #a`, `a b c d e f g h`, `was="old-id,older"`, `min=-5 max=5 step=0.5`,
}
