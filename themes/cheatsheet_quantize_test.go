package themes_test

import (
	"image"
	"image/color"
	"slices"
)

// quantize turns a picture into one of at most 256 colours, which PNG
// stores in a byte a pixel and compresses far better. A picture of the
// theme is mostly a few flat colours and the grey edges of its letters:
// with 256 colours or fewer it keeps them exactly, and with more it cuts
// the colours in two along their widest channel, at the median pixel,
// until there are 256 groups (median cut), and paints each pixel in the
// average colour of its group. It dithers nothing, since dots would
// compress badly and blur the letters.
func quantize(img image.Image) *image.Paletted {
	bounds := img.Bounds()
	counts := map[color.NRGBA]int{}
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			counts[color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)]++
		}
	}
	colours := make([]weighted, 0, len(counts))
	for c, n := range counts {
		colours = append(colours, weighted{c, n})
	}
	// Map iteration order is random: sort, so that the same screenshot
	// always gives the same file.
	slices.SortFunc(colours, func(a, b weighted) int { return compareNRGBA(a.c, b.c) })

	var palette color.Palette
	index := map[color.NRGBA]uint8{}
	if len(colours) <= 256 {
		for i, w := range colours {
			palette = append(palette, w.c)
			index[w.c] = uint8(i)
		}
	} else {
		groups := [][]weighted{colours}
		for len(groups) < 256 {
			widest, channel, span := -1, 0, 0
			for i, g := range groups {
				if len(g) < 2 {
					continue
				}
				if c, s := widestChannel(g); s > span {
					widest, channel, span = i, c, s
				}
			}
			if widest < 0 {
				break
			}
			low, high := splitAtMedian(groups[widest], channel)
			groups[widest] = low
			groups = append(groups, high)
		}
		for i, g := range groups {
			palette = append(palette, average(g))
			for _, w := range g {
				index[w.c] = uint8(i)
			}
		}
	}
	out := image.NewPaletted(image.Rect(0, 0, bounds.Dx(), bounds.Dy()), palette)
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			out.SetColorIndex(x-bounds.Min.X, y-bounds.Min.Y, index[color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)])
		}
	}
	return out
}

// weighted is a colour and how many pixels have it.
type weighted struct {
	c color.NRGBA
	n int
}

func channels(c color.NRGBA) [4]int { return [4]int{int(c.R), int(c.G), int(c.B), int(c.A)} }

func compareNRGBA(a, b color.NRGBA) int {
	ca, cb := channels(a), channels(b)
	return slices.Compare(ca[:], cb[:])
}

// widestChannel returns the channel whose values spread widest across g,
// and how wide.
func widestChannel(g []weighted) (channel, span int) {
	lo, hi := [4]int{255, 255, 255, 255}, [4]int{}
	for _, w := range g {
		for i, v := range channels(w.c) {
			lo[i], hi[i] = min(lo[i], v), max(hi[i], v)
		}
	}
	for i := range 4 {
		if hi[i]-lo[i] > span {
			channel, span = i, hi[i]-lo[i]
		}
	}
	return channel, span
}

// splitAtMedian sorts g by channel and cuts it where half of its pixels
// are on each side, leaving at least one colour on each.
func splitAtMedian(g []weighted, channel int) (low, high []weighted) {
	slices.SortStableFunc(g, func(a, b weighted) int { return channels(a.c)[channel] - channels(b.c)[channel] })
	total := 0
	for _, w := range g {
		total += w.n
	}
	cut, seen := 1, 0
	for i, w := range g[:len(g)-1] {
		seen += w.n
		cut = i + 1
		if 2*seen >= total {
			break
		}
	}
	return slices.Clip(g[:cut]), g[cut:]
}

// average is the colour of g's pixels on average.
func average(g []weighted) color.NRGBA {
	var sum [4]int
	total := 0
	for _, w := range g {
		for i, v := range channels(w.c) {
			sum[i] += v * w.n
		}
		total += w.n
	}
	return color.NRGBA{uint8((sum[0] + total/2) / total), uint8((sum[1] + total/2) / total), uint8((sum[2] + total/2) / total), uint8((sum[3] + total/2) / total)}
}
