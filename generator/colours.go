package generator

import (
	"fmt"
	"regexp"
	"strings"
)

// The accent setting is written into site.css as :root{--accent:…}. A
// value that is not a colour makes the declaration invalid, and every
// border and button drawn with the accent silently loses its colour; a
// value that is more than a colour could end the rule. So the accent is
// checked against the colour syntax of CSS Color 4, which holds no ';',
// '}', quote or backslash.

// cssColourNames are CSS Color 4's 148 named colours. transparent is left
// out on purpose: it is no accent, and buttons drawn with it vanish.
var cssColourNames = colourNameSet(strings.Fields(`
	aliceblue antiquewhite aqua aquamarine azure beige bisque black
	blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse
	chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
	darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta
	darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
	darkslateblue darkslategray darkslategrey darkturquoise darkviolet
	deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite
	forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green
	greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender
	lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
	lightgoldenrodyellow lightgray lightgreen lightgrey lightpink
	lightsalmon lightseagreen lightskyblue lightslategray lightslategrey
	lightsteelblue lightyellow lime limegreen linen magenta maroon
	mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
	mediumslateblue mediumspringgreen mediumturquoise mediumvioletred
	midnightblue mintcream mistyrose moccasin navajowhite navy oldlace
	olive olivedrab orange orangered orchid palegoldenrod palegreen
	paleturquoise palevioletred papayawhip peachpuff peru pink plum
	powderblue purple rebeccapurple red rosybrown royalblue saddlebrown
	salmon sandybrown seagreen seashell sienna silver skyblue slateblue
	slategray slategrey snow springgreen steelblue tan teal thistle tomato
	turquoise violet wheat white whitesmoke yellow yellowgreen`))

func colourNameSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// colourFunctions gives, for each CSS colour function, the kind of each
// of its three components ('h' a hue, which may carry an angle unit;
// 'n' a number or a percentage) and whether it has the legacy syntax
// with commas.
var colourFunctions = map[string]struct {
	components string
	legacy     bool
}{
	"rgb": {"nnn", true}, "rgba": {"nnn", true},
	"hsl": {"hnn", true}, "hsla": {"hnn", true},
	"hwb":   {"hnn", false},
	"lab":   {"nnn", false},
	"lch":   {"nnh", false},
	"oklab": {"nnn", false},
	"oklch": {"nnh", false},
}

var (
	hexColour    = regexp.MustCompile(`^#([0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$`)
	bareHex      = regexp.MustCompile(`^([0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$`)
	colourCall   = regexp.MustCompile(`^([A-Za-z]+)\((.*)\)$`)
	cssNumber    = `[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?`
	numberOrPct  = regexp.MustCompile(`^` + cssNumber + `%?$`)
	hueComponent = regexp.MustCompile(`^` + cssNumber + `(deg|grad|rad|turn)?$`)
)

// colourExamples closes every accent error, so that a coach who wrote
// something else sees what to write.
const colourExamples = `write a colour name such as teal, a hex colour in quotes such as "#7a3e9d", or a colour function such as rgb(122 62 157), hsl(280 44% 43%) or oklch(45% 0.15 310)`

// checkColour returns nil when s is a CSS colour an accent can be, and
// otherwise says what is wrong and what to write.
func checkColour(s string) error {
	lower := strings.ToLower(s)
	switch {
	case cssColourNames[lower] || hexColour.MatchString(s):
		return nil
	case lower == "transparent" || lower == "currentcolor":
		return fmt.Errorf("%q gives no accent: leave accent out for the theme's own, or %s", s, colourExamples)
	case bareHex.MatchString(s) && strings.ContainsAny(s, "0123456789"):
		return fmt.Errorf("%q is not a CSS colour: a hex colour starts with # and, in the frontmatter, needs quotes: \"#%s\"", s, s)
	case strings.HasPrefix(s, "#"):
		return fmt.Errorf("%q is not a CSS colour: a hex colour has 3, 4, 6 or 8 of the digits 0-9 and a-f after the #, such as \"#7a3e9d\"", s)
	}
	m := colourCall.FindStringSubmatch(s)
	if m == nil {
		return fmt.Errorf("%q is not a CSS colour: %s", s, colourExamples)
	}
	name := strings.ToLower(m[1])
	fn, ok := colourFunctions[name]
	if !ok {
		return fmt.Errorf("%q is not a CSS colour: %s() is not a colour function; %s", s, m[1], colourExamples)
	}
	if !colourArguments(fn.components, fn.legacy, m[2]) {
		return fmt.Errorf("%q is not a CSS colour: %s() takes three numbers separated by spaces, and an optional / and opacity, such as %s", s, name, colourFunctionExample[name])
	}
	return nil
}

// colourFunctionExample is an example of each colour function, all one
// purple.
var colourFunctionExample = map[string]string{
	"rgb": "rgb(122 62 157)", "rgba": "rgba(122 62 157 / 80%)",
	"hsl": "hsl(280 44% 43%)", "hsla": "hsla(280 44% 43% / 80%)",
	"hwb": "hwb(280 24% 38%)", "lab": "lab(36% 42 -40)", "lch": "lch(36% 58 317)",
	"oklab": "oklab(45% 0.1 -0.12)", "oklch": "oklch(45% 0.15 310)",
}

// colourArguments reports whether args are a colour function's arguments:
// three components separated by spaces, then optionally "/ alpha", where
// any value may be none; or, for the functions that have it, the legacy
// syntax of three or four values separated by commas.
func colourArguments(components string, legacy bool, args string) bool {
	args = strings.TrimSpace(args)
	if legacy && strings.Contains(args, ",") {
		parts := strings.Split(args, ",")
		if len(parts) != 3 && len(parts) != 4 {
			return false
		}
		for i, p := range parts {
			if !colourComponent(kindAt(components, i), strings.TrimSpace(p), false) {
				return false
			}
		}
		return true
	}
	values, alpha, hasAlpha := strings.Cut(args, "/")
	fields := strings.Fields(values)
	if len(fields) != 3 {
		return false
	}
	for i, f := range fields {
		if !colourComponent(components[i], f, true) {
			return false
		}
	}
	if !hasAlpha {
		return true
	}
	alphaFields := strings.Fields(alpha)
	return len(alphaFields) == 1 && colourComponent('n', alphaFields[0], true)
}

// kindAt is the kind of component i, where the fourth is the opacity.
func kindAt(components string, i int) byte {
	if i < len(components) {
		return components[i]
	}
	return 'n'
}

func colourComponent(kind byte, s string, noneAllowed bool) bool {
	if strings.EqualFold(s, "none") {
		return noneAllowed
	}
	if kind == 'h' {
		return hueComponent.MatchString(strings.ToLower(s))
	}
	return numberOrPct.MatchString(s)
}
