// Package corpus writes deterministic synthetic sites for benchmarks: any
// number of workbooks of about 7 KB each, with prose, headings, lists and
// links, and optionally exercises of every type.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// PagesPerCollection is how many workbooks each folder holds.
const PagesPerCollection = 100

var words = strings.Fields(`coach client session goal reality options way forward commitment review
practise interview result action task situation career change strength value purpose team feedback
question answer plan week month progress habit focus energy skill role industry research network
mentor growth confidence evidence thought feeling balance boundary rest learning story example`)

// Kind says what a synthetic workbook holds besides its prose.
type Kind int

const (
	// Plain workbooks hold Markdown only.
	Plain Kind = iota
	// Exercise workbooks also hold every first-version directive: the
	// fields, a checklist, STAR with two examples, GROW, OSKAR,
	// fear-exclusion, commitments, a thought record and callouts.
	Exercise
	// Kinds workbooks hold every directive there is, the later kinds as
	// well: repeating exercises, tables, totals, charts, rank, sort,
	// grid, matrix, recall, timers, show-if and every callout.
	Kinds
)

// kindNames are the corpora by the names coachbench takes.
var kindNames = map[string]Kind{"plain": Plain, "exercise": Exercise, "kinds": Kinds}

// KindNamed returns the corpus kind called name: plain, exercise or kinds.
func KindNamed(name string) (Kind, bool) {
	k, ok := kindNames[name]
	return k, ok
}

func (k Kind) String() string {
	for name, kind := range kindNames {
		if kind == k {
			return name
		}
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// firstVersion are the directives of the first version, one of each, so
// that a build exercises every one of their layouts.
var firstVersion = []string{
	"::text[Say it in one phrase]{#phrase-%d}",
	"::textarea[What do you enjoy?]{#enjoy-%d}",
	"::list[Questions to bring]{#questions-%d min=1 max=5}",
	"::choice[Main driver]{#driver-%d options=\"Income|Harmony|Challenge\" other}",
	"::scale[Where are you now?]{#now-%d}",
	"::date[Next session]{#next-%d}",
	":::checklist[Documents ready]{#docs-%d}\n- [ ] Resume {#cv}\n- [ ] Letter {#letter}\n:::",
	":::exercise{#drive-%d title=\"Your drive\"}\nIn one phrase, what matters?\n\n::text[The phrase]{#drive-phrase-%[1]d}\n:::",
	"::star[A time you led]{#lead-%d examples=2}",
	"::grow{#grow-%d}",
	"::oskar{#oskar-%d}",
	"::fear-exclusion{#fears-%d}",
	"::commitments{#actions-%d}",
	"::thought-record{#record-%d}",
	"::practice-log[This week's practice]{#practice-%d}",
	":::tip[Be specific]\nName the company.\n:::",
	":::note[Remember]\nYour answers stay on this device.\n:::",
	"::warning[Bring your notes.]",
}

// later are the directives and attributes added after the first version.
// The show-if names the choice, the fourth section of every such page.
var later = []string{
	"::textarea[What would change?]{#change-%d words=100 show-if='driver-3 = \"Income\"'}",
	"::rank[What matters most]{#priorities-%d options=\"pay=Pay|growth=Growth|people=People\" other}",
	"::sort[Sort the values]{#values-%d options=\"autonomy=Autonomy|security=Security|fun=Fun\" into=\"must=Must have|no=Not important\" max-must=2}",
	"::number[Minutes practised]{#minutes-%d min=0 max=600 step=1 unit=\"min\"}",
	":::rows[People to ask]{#contacts-%d max=20}\n::text[Name]{#name}\n::choice[Status]{#status options=\"Asked|Met\"}\n::check[Thanked]{#thanked}\n:::",
	":::exercise{#conversation-%d repeat title=\"A conversation\" add=\"Add a conversation\"}\n::text[Who]{#who}\n::textarea[What you learnt]{#learnt}\n:::",
	":::rows[Sessions]{#sessions-%d}\n::date[Day]{#day}\n::number[Minutes]{#minutes}\n:::\n\n::total[Minutes so far]{of=\"sessions-%[1]d.minutes\"}\n\n::chart[Minutes each day]{of=\"sessions-%[1]d.minutes\" class=\"wide\"}",
	"::recall[The phrase you chose first]{from=\"c000/p000#phrase-0\"}",
	"::timer[Answer out loud]{minutes=2}",
	"::grid[This week's plan]{#week-%d rows=\"morning=Morning|evening=Evening\" cols=\"mon=Mon|tue=Tue|wed=Wed\"}",
	"::matrix[Compare your options]{#offers-%d options=\"a=Offer A|b=Offer B\" criteria=\"pay=Pay|growth=Growth\" weights}",
	":::info Before you start\nHave your CV open.\n:::",
	"::important[Do this first.]",
	":::danger\nNever share a password.\n:::",
	":::caution{title=\"Mind the time\"}\nTwenty minutes.\n:::",
}

// directives returns the directives a workbook of kind k holds.
func directives(k Kind) []string {
	switch k {
	case Exercise:
		return firstVersion
	case Kinds:
		return append(append([]string{}, firstVersion...), later...)
	}
	return nil
}

// Write writes a site of n workbooks of kind k into dir. The same
// arguments always write the same files.
func Write(dir string, n int, k Kind) error {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	if err := write(dir, "content/_index.md", "---\ntitle: Benchmark\n---\nA synthetic site.\n"); err != nil {
		return err
	}
	for i := range n {
		c := i / PagesPerCollection
		if i%PagesPerCollection == 0 {
			index := fmt.Sprintf("---\ntitle: Collection %d\nweight: %d\n---\n", c, c+1)
			if err := write(dir, fmt.Sprintf("content/c%03d/_index.md", c), index); err != nil {
				return err
			}
		}
		if err := write(dir, fmt.Sprintf("content/c%03d/p%03d.md", c, i%PagesPerCollection), page(r, i, n, directives(k))); err != nil {
			return err
		}
	}
	return nil
}

// page makes one workbook of about 7 KB of prose, with one section more
// for each exercise it still has to place.
func page(r *rand.Rand, i, n int, exercises []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Workbook %d\ndescription: %s.\nweight: %d\nduration: %d min\ntags: [%s, %s]\n---\n",
		i, sentence(r, 8), i%PagesPerCollection+1, 5+r.IntN(40), words[r.IntN(len(words))], words[r.IntN(len(words))])
	for section := 0; b.Len() < 7000 || section < len(exercises); section++ {
		fmt.Fprintf(&b, "\n## %s\n\n", strings.ToUpper(sentence(r, 3)[:1])+sentence(r, 3)[1:])
		fmt.Fprintf(&b, "%s *%s* and **%s**. See [the next workbook](../c%03d/p%03d.md) or [a guide](https://example.org/%s).\n\n",
			sentence(r, 40), sentence(r, 2), sentence(r, 2), ((i+1)%n)/PagesPerCollection, ((i+1)%n)%PagesPerCollection, words[r.IntN(len(words))])
		for item := range 3 {
			fmt.Fprintf(&b, "- %s %d\n", sentence(r, 6), item)
		}
		fmt.Fprintf(&b, "\n%s\n", sentence(r, 50))
		if section < len(exercises) {
			ex := exercises[section]
			if strings.Contains(ex, "%") {
				ex = fmt.Sprintf(ex, section)
			}
			b.WriteString("\n" + ex + "\n")
		}
	}
	return b.String()
}

func sentence(r *rand.Rand, n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = words[r.IntN(len(words))]
	}
	return strings.Join(out, " ")
}

func write(dir, name, content string) error {
	full := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, []byte(content), 0o644)
}
