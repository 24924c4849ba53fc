package data

// The types below are the story in memory, as the widget uses it and as the
// JSON download spells it. The shipped MessagePack form is a separate, more
// compact mirror of them (wire.go); Encode and Decode convert between the two.

// Story is the whole dataset: the interview's argument as cited elements and
// the scenes that show them.
type Story struct {
	Version    uint16      `json:"version"`
	Meta       Meta        `json:"meta"`
	Paragraphs []Paragraph `json:"paragraphs"` // Paragraphs[i] describes [P i+1]
	Claims     []Claim     `json:"-"`          // build-time coverage ledger; not shipped
	Sources    []Source    `json:"sources"`
	Lines      []Line      `json:"lines"`
	Actors     []Actor     `json:"actors"`
	Relations  []Relation  `json:"relations"`
	Markets    []Market    `json:"markets"`
	Flows      []Flow      `json:"flows"`
	Contrasts  []Contrast  `json:"contrasts"`
	Logic      []Logic     `json:"logic"`
	Figures    []Figure    `json:"figures"`
	Quotes     []Quote     `json:"quotes"`
	Scenes     []Scene     `json:"scenes"`
}

// Text is one piece of copy in both languages.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// Basis says where an element comes from: paragraphs of the interview and,
// for anything the interview does not say, named outside sources.
type Basis struct {
	Cite    []Para   `json:"cite" yaml:"cite"`
	Sources []string `json:"sources,omitempty" yaml:"sources"`
	// Claims lists the ids of claims.md rows this element carries. It is
	// checked at build time and not shipped.
	Claims []string `json:"-" yaml:"claims"`
}

// Meta describes the interview and the dataset itself.
type Meta struct {
	Title       Text   `json:"title"`
	Outlet      Text   `json:"outlet"`
	Byline      Text   `json:"byline"`
	Interviewee Text   `json:"interviewee"`
	Headline    Text   `json:"headline"`  // the interview's title, as far as the source gives it
	Published   Text   `json:"published"` // its date, or "date not stated": relative times read from it
	Note        Text   `json:"note"`      // what this dataset is and how it was made
	Licence     Text   `json:"licence"`   // terms for the dataset and the quoted text
	Basis       Basis  `json:"basis" yaml:",inline"`
	Credit      string `json:"credit"` // one-line credit for downloads and posters
}

// Paragraph records who speaks in one numbered paragraph, so that a cited
// statement can always be shown as the speaker's.
type Paragraph struct {
	Speaker Speaker `json:"speaker"`
	Section uint8   `json:"section"` // 0 before the first heading, then 1–5
}

// Source is an outside source, for anything the interview does not say.
type Source struct {
	ID        string `json:"id"`
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	Date      string `json:"date"` // YYYY-MM-DD
	URL       string `json:"url"`
}

// Claim is one row of the claims index: the claim's id, its paragraphs, and,
// when no element carries it, why it was left out.
type Claim struct {
	ID    string `yaml:"id"`
	Paras []Para `yaml:"cite"`
	Omit  string `yaml:"omit"`
}

// Note is a cited sentence attached to a larger element.
type Note struct {
	Text  Text  `json:"text"`
	Basis Basis `json:"basis" yaml:",inline"`
}

// Line is one of the two ecosystems and its strategy.
type Line struct {
	ID       string   `json:"id"`
	Side     Side     `json:"side"`
	Name     Text     `json:"name"`
	Goal     Note     `json:"goal"`
	Metaphor Note     `json:"metaphor"`
	Question Note     `json:"question"`
	Openness Openness `json:"openness"`
	OpenNote Note     `json:"openNote" yaml:"openNote"`
	Mode     Mode     `json:"mode"`
	ModeNote Note     `json:"modeNote" yaml:"modeNote"`
	Basis    Basis    `json:"basis" yaml:",inline"`
}

// Actor is a company, buyer group, institution or person.
type Actor struct {
	ID    string    `json:"id"`
	Kind  ActorKind `json:"kind"`
	Line  string    `json:"line"` // a Line id, or empty for actors on neither line
	Name  Text      `json:"name"`
	Role  Text      `json:"role"`
	Basis Basis     `json:"basis" yaml:",inline"`
	Quote string    `json:"quote,omitempty"` // a Quote id for the element's card, or empty
	// Speaks lists the paragraph speakers whose words are this actor's: a
	// quote by the actor may cite only such paragraphs (see Validate).
	Speaks []Speaker `json:"speaks,omitempty"`
}

// Relation ties two actors (or an actor and a line).
type Relation struct {
	ID    string       `json:"id"`
	Kind  RelationKind `json:"kind"`
	From  string       `json:"from"`
	To    string       `json:"to"`
	Label Text         `json:"label"`
	Basis Basis        `json:"basis" yaml:",inline"`
	Quote string       `json:"quote,omitempty"` // a Quote id for the element's card, or empty
	// Fact, for a business kind, is the words of Quote that state the tie,
	// in both languages; the validator finds them in the quote, and
	// verify-quotes finds the quote in its paragraph.
	Fact Text `json:"fact,omitzero"`
}

// Market is a third-party market between the two lines.
type Market struct {
	ID    string `json:"id"`
	Name  Text   `json:"name"`
	Has   Text   `json:"has"`
	Lacks Text   `json:"lacks"`
	Basis Basis  `json:"basis" yaml:",inline"`
	Quote string `json:"quote,omitempty"` // a Quote id for the element's card, or empty
}

// Flow is what one line offers the third-party markets.
type Flow struct {
	ID    string   `json:"id"`
	From  string   `json:"from"` // a Line id
	To    []string `json:"to"`   // Market ids
	What  Text     `json:"what"`
	Basis Basis    `json:"basis" yaml:",inline"`
	Quote string   `json:"quote,omitempty"` // a Quote id for the element's card, or empty
}

// Contrast sets the two lines side by side on one topic.
type Contrast struct {
	ID    string `json:"id"`
	Topic Text   `json:"topic"`
	US    Text   `json:"us" yaml:"us"`
	CN    Text   `json:"cn" yaml:"cn"`
	Basis Basis  `json:"basis" yaml:",inline"`
}

// Logic is one step of the investment argument: a judgement, a shift from
// one criterion to another, or one leg the secondary market walks on.
type Logic struct {
	ID     string      `json:"id"`
	Market CapitalSide `json:"market"`
	Kind   LogicKind   `json:"kind"`
	From   Text        `json:"from"` // for shifts: the old criterion
	To     Text        `json:"to"`   // for shifts: the new one; for legs: the leg
	Text   Text        `json:"text"`
	Basis  Basis       `json:"basis" yaml:",inline"`
}

// Figure is a number or date from the interview, with its unit.
type Figure struct {
	ID        string    `json:"id"`
	Value     float64   `json:"value"`
	Max       float64   `json:"max,omitempty"` // upper end of a range, else 0
	Qualifier Qualifier `json:"qualifier"`
	Unit      Text      `json:"unit"`
	Label     Text      `json:"label"`
	Basis     Basis     `json:"basis" yaml:",inline"`
}

// Quote is a short passage in the speaker's words (Chinese) and in English.
type Quote struct {
	ID      string `json:"id"`
	Speaker string `json:"speaker"` // an Actor id
	Text    Text   `json:"text"`
	Basis   Basis  `json:"basis" yaml:",inline"`
}

// Scene is one step of the story.
type Scene struct {
	ID       string   `json:"id"` // used in URLs: #scene=<id>
	Title    Text     `json:"title"`
	Caption  Text     `json:"caption"`
	Notes    Text     `json:"notes"`    // for a presenter
	Seconds  uint16   `json:"seconds"`  // suggested autoplay duration
	Shows    []string `json:"shows"`    // element ids on screen
	Emphasis []string `json:"emphasis"` // the subset that is highlighted
	Basis    Basis    `json:"basis" yaml:",inline"`
	// Short is the caption in fewer words, for screens where the caption
	// would take more than the dek's lines (issue 8; see validate_form.go).
	Short Text `json:"short,omitempty"`
	// Form is how the scene is drawn (issue 8; see validate_form.go).
	Form Form `json:"form"`
}

// Form names the picture a scene is drawn as, with its parameters: which
// shown elements it draws as its marks, in order, the (at most three)
// annotations it attaches to them, and, for a timeline, the years it spans.
// The widget's layout has one form per name; the validator knows the names.
type Form struct {
	Name  string     `json:"name"`
	Marks []string   `json:"marks,omitempty"`
	Notes []FormNote `json:"notes,omitempty"`
	From  float64    `json:"from,omitempty"` // timeline: first year on the axis
	To    float64    `json:"to,omitempty"`   // timeline: last year on the axis
}

// FormNote is an annotation on the stage: a few words attached to the mark
// of a shown element, whose card gives the cited whole.
type FormNote struct {
	On   string `json:"on"`
	Text Text   `json:"text"`
}

// Para is a paragraph number of the interview, written P1–P75.
type Para uint8

// The enumerations below travel as small integers and read as words in the
// source file and in the JSON download (see enums.go).
type (
	Speaker      uint8 // who speaks in a paragraph
	Side         uint8 // which country a line is
	Openness     uint8 // open or closed source
	Mode         uint8 // disruptive or incremental
	ActorKind    uint8
	RelationKind uint8
	CapitalSide  uint8 // primary or secondary market
	LogicKind    uint8
	Qualifier    uint8 // how exact a figure is
)
