package themes_test

// cheatEntry is one thing a coach writes, as the cheat sheet
// (docs/cheatsheet.md) shows it: what it is in plain words, the Markdown
// that makes it, and a picture of what the client sees. The test builds
// a page from each entry's Markdown and photographs it, so the page, the
// doc and the picture can never disagree (cheatsheet_test.go).
type cheatEntry struct {
	// kind is the directive the entry shows, as its layout's folder and
	// name ("fields/text", "exercises/star"), or "" for a feature that
	// any question or exercise may take, such as repeat.
	kind string
	// name names the picture: docs/cheatsheet/NAME.png.
	name string
	// title says in plain words what the client gets; it is also the
	// picture's alt text.
	title string
	// more is a sentence or two of Markdown on how to use it.
	more string
	// markdown is what the coach writes; it is the whole body of the page
	// the picture is taken of.
	markdown string
	// answer, when set, is JavaScript the test runs on the page before the
	// picture, answering as a client would, for something that only shows
	// once answered.
	answer string
}

// cheatSection is a group of entries under one heading of the cheat sheet.
type cheatSection struct {
	heading, intro string
	entries        []cheatEntry
}

// cheatRecallSource is a workbook the recall example reads from; it is
// part of the site the pictures are taken of, not of the cheat sheet.
const cheatRecallSource = "---\ntitle: Agenda\n---\n::text[Your one focus for today]{#one-focus}\n"

// cheatSections is the cheat sheet. A new field kind, exercise type,
// display or callout needs an entry here: TestCheatsheetDoc fails until
// it has one.
var cheatSections = []cheatSection{
	{
		heading: "Questions",
		intro:   "One line each, except the ones that hold other lines and end with `:::`.",
		entries: []cheatEntry{
			{kind: "fields/text", name: "text", title: "A box for a short answer",
				more:     "`placeholder` puts an example in the empty box.",
				markdown: `::text[Say it in one phrase]{#phrase placeholder="Work I can explain to my kids"}`},
			{kind: "fields/textarea", name: "textarea", title: "A box for a longer answer",
				more:     "`words=150` counts the words as the client writes, against about 150.",
				markdown: `::textarea[What do you enjoy in your current job?]{#enjoy words=150}`},
			{kind: "fields/list", name: "list", title: "A list the client adds to, one item at a time",
				more:     "`min` is how many boxes show at first, `max` the most the client may add.",
				markdown: `::list[Questions to bring]{#questions min=2 max=5 hint="Specific beats general."}`},
			{kind: "fields/choice", name: "choice", title: "Pick one answer from a few",
				more:     "Separate the answers with `|`. Add `multiple` to let the client pick several, and `other` for an answer of their own.",
				markdown: `::choice[Main driver]{#driver options="Maximising income|Work-life harmony|Intellectual challenge" other}`},
			{kind: "fields/rank", name: "rank", title: "Put things in order of importance",
				markdown: `::rank[Put these in order of importance]{#priorities options="Pay|Growth|People|Location"}`},
			{kind: "fields/sort", name: "sort", title: "Sort cards into piles",
				more:     "`options` are the cards, `into` the piles; `max-must=2` lets at most two cards into the pile `must`.",
				markdown: `::sort[Sort the values]{#values options="Autonomy|Security|Growth" into="must=Must have|nice=Nice to have|no=Not important" max-must=2}`},
			{kind: "fields/checklist", name: "checklist", title: "Things to tick off",
				more:     "Write each item as `- [ ]`; `- [x]` starts ticked.",
				markdown: ":::checklist[Documents ready]{#docs}\n- [ ] Resume or CV\n- [ ] Cover letter\n- [ ] Portfolio or work samples\n:::"},
			{kind: "fields/scale", name: "scale", title: "A point on a scale",
				more:     "From 0 to 10 unless you give `min` and `max`; `minLabel` and `maxLabel` name the two ends.",
				markdown: `::scale[Where are you now?]{#now minLabel="nowhere near" maxLabel="there"}`},
			{kind: "fields/date", name: "date", title: "A date",
				markdown: `::date[When is your next session?]{#next optional}`},
			{kind: "fields/number", name: "number", title: "A number, with its unit",
				more:     "`min`, `max` and `step` are optional; `unit` shows beside the box.",
				markdown: `::number[Minutes practised]{#minutes min=0 max=600 unit="min"}`},
			{kind: "fields/rows", name: "rows", title: "A table the client fills in, a row at a time",
				more:     "Each question inside is a column. `min` is how many rows show at first.",
				markdown: ":::rows[Job applications]{#apps min=2}\n::text[Company]{#company}\n::choice[Status]{#status options=\"Applied|Interview|Offer|Not this time\"}\n::date[Applied on]{#applied}\n:::"},
			{kind: "fields/check", name: "check", title: "A single tick, as a column of a table",
				more:     "`check` works only inside `:::rows` (and in ready-made exercises).",
				markdown: ":::rows[Calls to make]{#calls min=2}\n::text[Who]{#who}\n::check[Done]{#done}\n:::"},
			{kind: "fields/grid", name: "grid", title: "A table of fixed rows and columns, such as a week",
				more:     "`cell` is what each cell holds: `text`, `check` (a tick) or `scale`.",
				markdown: `::grid[Habits this week]{#habits rows="Walk|Read before bed" cols="Mon|Tue|Wed|Thu|Fri" cell=check}`,
				answer:   `[0, 1, 3, 6, 7].forEach(i => document.querySelectorAll('[data-field=habits] input[type=checkbox]')[i].click())`},
			{kind: "fields/matrix", name: "matrix", title: "Score options on what matters, and see which comes out ahead",
				more:     "`weights` also asks how much each thing matters; `options=client` lets the client name the options.",
				markdown: `::matrix[Compare your offers]{#offers options="Offer A|Offer B" criteria="Pay|Growth|Commute" weights}`,
				answer:   cheatFill(`[data-field=offers] select`, "3", "2", "1", "4", "2", "5", "3", "4", "2")},
		},
	},
	{
		heading: "Ready-made exercises",
		intro: "A whole exercise from one line. Each also works as a box: write `:::` instead of `::`, " +
			"your own introduction on the lines after it, and `:::` to close it.",
		entries: []cheatEntry{
			{kind: "exercises/exercise", name: "exercise", title: "A titled box for your own questions, which counts how many are answered",
				markdown: ":::exercise{#drive title=\"Your primary career drive\"}\nIn one phrase, what matters most in your next move?\n\n::text[Say it in one phrase]{#phrase}\n::date[By when?]{#when}\n:::"},
			{kind: "exercises/star", name: "star", title: "A STAR story: Situation, Task, Action, Result",
				more:     "`examples=2` asks for two stories.",
				markdown: `::star[A time you led without formal authority]{#lead}`},
			{kind: "exercises/grow", name: "grow", title: "A GROW plan: Goal, Reality, Options, Way forward",
				markdown: `::grow{#plan}`},
			{kind: "exercises/oskar", name: "oskar", title: "An OSKAR plan: Outcome, Scaling, Know-how, Affirm, Action, Review",
				markdown: `::oskar{#steps}`},
			{kind: "exercises/fear-exclusion", name: "fear-exclusion", title: "What I fear, what I rule out, and my must-haves",
				more:     "`musthaves=false` leaves out the must-haves.",
				markdown: `::fear-exclusion{#fears}`},
			{kind: "exercises/commitments", name: "commitments", title: "What I will do, by when, and the next session",
				markdown: `::commitments{#actions}`},
			{kind: "exercises/thought-record", name: "thought-record", title: "A thought record, from situation to balanced thought",
				markdown: `::thought-record{#tr}`},
			{kind: "exercises/practice-log", name: "practice-log", title: "A log of practice: date, what, minutes and how it went",
				markdown: `::practice-log{#week}`},
		},
	},
	{
		heading: "Extras for any question or exercise",
		entries: []cheatEntry{
			{name: "repeat", title: "An exercise the client does again and again, such as a journal entry each evening",
				more:     "Add `repeat` to any exercise; `add` names its button.",
				markdown: ":::exercise{#journal repeat title=\"Journal entry\" add=\"Add today's entry\"}\n::scale[Mood]{#mood min=0 max=10}\n::textarea[What happened]{#what}\n:::",
				answer: `document.querySelectorAll('[data-exercise=journal] input[type=radio]')[6].click();` +
					cheatFill(`[data-exercise=journal] textarea`, "Spoke up in the team meeting.")},
			{name: "show-if", title: "A question that appears only when another answer calls for it",
				more:     "`show-if` names another question and what its answer must be; the picture shows the page once the client has chosen a mood of 2.",
				markdown: ":::exercise{#check-in title=\"Check-in\"}\n::scale[Mood right now]{#mood min=0 max=10}\n::textarea[What would help today?]{#help show-if=\"mood <= 3\"}\n:::",
				answer:   `document.getElementById('field-mood:2').click()`},
			{name: "remind", title: "A date with an \u201cAdd to calendar\u201d button",
				more:     "`remind` works on any date.",
				markdown: `::date[Date of the next session]{#next-date remind}`},
		},
	},
	{
		heading: "Totals, charts and other things to show",
		intro:   "These show something and save nothing.",
		entries: []cheatEntry{
			{kind: "displays/total", name: "total", title: "A running total of numbers the client writes",
				more:     "`of` names a table and its column (`log.minutes`); `show=\"average\"` shows the average instead.",
				markdown: ":::rows[Practice log]{#log min=2}\n::text[What I practised]{#what}\n::number[Minutes]{#minutes unit=\"min\"}\n:::\n\n::total[Minutes practised so far]{of=\"log.minutes\"}",
				answer: cheatFill(`[data-field=log] [data-col=what]`, "Scales", "Breathing") +
					";" + cheatFill(`[data-field=log] [data-col=minutes]`, "20", "35")},
			{kind: "displays/chart", name: "chart", title: "A line of numbers over time",
				markdown: ":::rows[Mood log]{#moods min=3}\n::date[Day]{#day}\n::scale[Mood]{#mood min=0 max=10}\n:::\n\n::chart[Mood over time]{of=\"moods.mood\"}",
				answer: cheatFill(`[data-field=moods] [data-col=day]`, "2026-11-02", "2026-11-09", "2026-11-16") +
					";" + cheatFill(`[data-field=moods] [data-col=mood]`, "3", "6", "8")},
			{kind: "displays/recall", name: "recall", title: "An answer the client gave in another workbook",
				more:     "`from` is the other workbook (its path in `content/`, without `.md`), `#` and the question's name.",
				markdown: `::recall[The focus you chose]{from="session/agenda#one-focus"}`},
			{kind: "displays/timer", name: "timer", title: "A countdown for a timed exercise",
				markdown: `::timer[Answer out loud]{minutes=2}`},
		},
	},
	{
		heading: "Notes, tips and warnings",
		intro:   "A box of ordinary text. Written with `::` it holds one line. A quote that starts with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`, as GitHub writes it, makes the same boxes.",
		entries: []cheatEntry{
			{kind: "callouts/note", name: "note", title: "A note", markdown: `::note[Your answers stay on this device.]`},
			{kind: "callouts/tip", name: "tip", title: "A tip, with a title",
				markdown: ":::tip[Be specific]\nName the company and the role.\n:::"},
			{kind: "callouts/warning", name: "warning", title: "A warning",
				markdown: ":::warning[If you are in crisis]\nContact your local emergency services or a crisis line now.\n:::"},
			{kind: "callouts/caution", name: "caution", title: "A caution, the same as a warning",
				more:     "Docusaurus' name for a warning.",
				markdown: ":::caution\nKeep names of colleagues out of your answers.\n:::"},
			{kind: "callouts/info", name: "info", title: "Information, with its title after a space",
				more:     "The title may also follow the name after a space, as Docusaurus writes it.",
				markdown: ":::info About this workbook\nIt takes about twenty minutes.\n:::"},
			{kind: "callouts/important", name: "important", title: "Something important",
				markdown: ":::important\nBring a copy of the job advert to the session.\n:::"},
			{kind: "callouts/danger", name: "danger", title: "A danger",
				markdown: ":::danger\nDo not put passwords or health details in your answers.\n:::"},
		},
	},
}
