package data

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxPara is the last paragraph of the interview.
const MaxPara = 75

// String writes a paragraph number the way the interview does: P69.
func (p Para) String() string { return "P" + strconv.Itoa(int(p)) }

// MarshalText writes P69.
func (p Para) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads P69 (the P may be omitted). Range is checked by the
// validator, which knows how many paragraphs the story has.
func (p *Para) UnmarshalText(b []byte) error {
	s := strings.TrimPrefix(string(b), "P")
	n, err := strconv.ParseUint(s, 10, 8)
	if err != nil || n == 0 {
		return fmt.Errorf("%q is not a paragraph number like P12", b)
	}
	*p = Para(n)
	return nil
}

// names maps each enumeration value to its word; index = value.
var (
	speakerNames   = []string{"narration", "summary", "heading", "interviewer", "wang-zhi"}
	sideNames      = []string{"us", "cn"}
	opennessNames  = []string{"open", "closed"}
	modeNames      = []string{"disruptive", "incremental"}
	actorKindNames = []string{"company", "buyers", "institution", "person", "investor", "group"}
	relationNames  = []string{"alliance", "investment", "purchase", "supply", "competition", "mapping", "analogy"}
	capitalNames   = []string{"primary", "secondary", "both"}
	logicNames     = []string{"judgement", "shift", "leg"}
	qualifierNames = []string{"exact", "about", "over", "range", "several", "none"}
)

const (
	Narration Speaker = iota
	Summary
	Heading
	Interviewer
	WangZhi
)

const (
	US Side = iota
	CN
)

const (
	Open Openness = iota
	Closed
)

const (
	Disruptive Mode = iota
	Incremental
)

const (
	Company ActorKind = iota
	Buyers
	Institution
	Person
	Investor
	Group
)

const (
	Alliance RelationKind = iota
	Investment
	Purchase
	Supply
	Competition
	Mapping // the A-share practice Wang Zhi names 映射: a market term, not a likeness
	Analogy // a likeness the text draws ("China's Oracle"); asserts no business tie
)

// Business reports whether a relation kind asserts a business fact (money or
// goods changing hands), which the text must state in so many words.
func (k RelationKind) Business() bool { return k == Investment || k == Purchase || k == Supply }

const (
	Primary CapitalSide = iota
	Secondary
	BothMarkets
)

const (
	Judgement LogicKind = iota
	Shift
	Leg
)

const (
	Exact Qualifier = iota
	About
	Over
	Range
	Several
	NoValue
)

func name(names []string, v uint8) string {
	if int(v) < len(names) {
		return names[v]
	}
	return "#" + strconv.Itoa(int(v))
}

func parseInto[T ~uint8](v *T, names []string, what string, b []byte) error {
	for i, n := range names {
		if n == string(b) {
			*v = T(i)
			return nil
		}
	}
	return fmt.Errorf("%q is not a %s (one of: %s)", b, what, strings.Join(names, ", "))
}

func valid(names []string, v uint8) bool { return int(v) < len(names) }

func (v Speaker) String() string      { return name(speakerNames, uint8(v)) }
func (v Side) String() string         { return name(sideNames, uint8(v)) }
func (v Openness) String() string     { return name(opennessNames, uint8(v)) }
func (v Mode) String() string         { return name(modeNames, uint8(v)) }
func (v ActorKind) String() string    { return name(actorKindNames, uint8(v)) }
func (v RelationKind) String() string { return name(relationNames, uint8(v)) }
func (v CapitalSide) String() string  { return name(capitalNames, uint8(v)) }
func (v LogicKind) String() string    { return name(logicNames, uint8(v)) }
func (v Qualifier) String() string    { return name(qualifierNames, uint8(v)) }

func (v Speaker) MarshalText() ([]byte, error)      { return []byte(v.String()), nil }
func (v Side) MarshalText() ([]byte, error)         { return []byte(v.String()), nil }
func (v Openness) MarshalText() ([]byte, error)     { return []byte(v.String()), nil }
func (v Mode) MarshalText() ([]byte, error)         { return []byte(v.String()), nil }
func (v ActorKind) MarshalText() ([]byte, error)    { return []byte(v.String()), nil }
func (v RelationKind) MarshalText() ([]byte, error) { return []byte(v.String()), nil }
func (v CapitalSide) MarshalText() ([]byte, error)  { return []byte(v.String()), nil }
func (v LogicKind) MarshalText() ([]byte, error)    { return []byte(v.String()), nil }
func (v Qualifier) MarshalText() ([]byte, error)    { return []byte(v.String()), nil }

func (v *Speaker) UnmarshalText(b []byte) error  { return parseInto(v, speakerNames, "speaker", b) }
func (v *Side) UnmarshalText(b []byte) error     { return parseInto(v, sideNames, "side", b) }
func (v *Openness) UnmarshalText(b []byte) error { return parseInto(v, opennessNames, "openness", b) }
func (v *Mode) UnmarshalText(b []byte) error     { return parseInto(v, modeNames, "mode", b) }
func (v *ActorKind) UnmarshalText(b []byte) error {
	return parseInto(v, actorKindNames, "actor kind", b)
}
func (v *RelationKind) UnmarshalText(b []byte) error {
	return parseInto(v, relationNames, "relation kind", b)
}
func (v *CapitalSide) UnmarshalText(b []byte) error {
	return parseInto(v, capitalNames, "market side", b)
}
func (v *LogicKind) UnmarshalText(b []byte) error { return parseInto(v, logicNames, "logic kind", b) }
func (v *Qualifier) UnmarshalText(b []byte) error {
	return parseInto(v, qualifierNames, "qualifier", b)
}
