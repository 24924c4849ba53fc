package data

//go:generate go tool msgp -file wire.go -o wire_gen.go -io=false -unexported

// The shipped form of a story (see Encode and docs/data.md). It mirrors Story
// field by field, in the same order, with three compact forms:
//
//   - every struct is a MessagePack array (msgp's tuple form), so field names
//     are not repeated for each of the hundreds of records;
//   - every Text is one token string (tokens.go): Chinese, 0x00, English,
//     spelt with the token table that travels in wire.Tokens;
//   - a reference to an element (ref) is its position among all elements,
//     numbers are integers when they are whole (num), and a Basis is one list
//     of paragraph numbers and source ids (basis); see wiretypes.go.
//
// Enumerations are their small integers; a paragraph is two bytes.
//msgp:tuple wire wireMeta wireSource wireNote wireLine wireActor wireRelation wireMarket wireFlow wireContrast wireLogic wireFigure wireQuote wireScene wireForm wireFormNote

// Decoding limits. No list in a real story comes near these; a crafted file
// that declares a longer one is refused before anything is allocated for it.
// Byte strings have their own: the token table at most maxTableWire bytes,
// a text at most maxTextWire (the limit= tags below must say the same).
//msgp:limit arrays:1024 maps:64

type wire struct {
	Version    uint16
	Tokens     []byte `msg:",limit=131072"` // the token table: maxTableWire
	Meta       wireMeta
	Paragraphs []byte // speaker, section: two bytes per paragraph
	Sources    []wireSource
	Lines      []wireLine
	Actors     []wireActor
	Relations  []wireRelation
	Markets    []wireMarket
	Flows      []wireFlow
	Contrasts  []wireContrast
	Logic      []wireLogic
	Figures    []wireFigure
	Quotes     []wireQuote
	Scenes     []wireScene
}

// wireText is a Text as a token string.
type wireText []byte

type wireMeta struct {
	Title       wireText `msg:",limit=16384"`
	Outlet      wireText `msg:",limit=16384"`
	Byline      wireText `msg:",limit=16384"`
	Interviewee wireText `msg:",limit=16384"`
	Headline    wireText `msg:",limit=16384"`
	Published   wireText `msg:",limit=16384"`
	Note        wireText `msg:",limit=16384"`
	Licence     wireText `msg:",limit=16384"`
	Basis       basis
	Credit      string
}

type wireSource struct {
	ID        string
	Publisher string
	Title     string
	Date      string
	URL       string
}

type wireNote struct {
	Text  wireText `msg:",limit=16384"`
	Basis basis
}

type wireLine struct {
	ID       string
	Side     uint8
	Name     wireText `msg:",limit=16384"`
	Goal     wireNote
	Metaphor wireNote
	Question wireNote
	Openness uint8
	OpenNote wireNote
	Mode     uint8
	ModeNote wireNote
	Basis    basis
}

type wireActor struct {
	ID     string
	Kind   uint8
	Line   ref
	Name   wireText `msg:",limit=16384"`
	Role   wireText `msg:",limit=16384"`
	Basis  basis
	Quote  ref
	Speaks []byte `msg:",limit=16"` // Speaker values, one byte each
}

type wireRelation struct {
	ID    string
	Kind  uint8
	From  ref
	To    ref
	Label wireText `msg:",limit=16384"`
	Basis basis
	Quote ref
	Fact  wireText `msg:",limit=16384"`
}

type wireMarket struct {
	ID    string
	Name  wireText `msg:",limit=16384"`
	Has   wireText `msg:",limit=16384"`
	Lacks wireText `msg:",limit=16384"`
	Basis basis
	Quote ref
}

type wireFlow struct {
	ID    string
	From  ref
	To    []ref
	What  wireText `msg:",limit=16384"`
	Basis basis
	Quote ref
}

type wireContrast struct {
	ID    string
	Topic wireText `msg:",limit=16384"`
	US    wireText `msg:",limit=16384"`
	CN    wireText `msg:",limit=16384"`
	Basis basis
}

type wireLogic struct {
	ID     string
	Market uint8
	Kind   uint8
	From   wireText `msg:",limit=16384"`
	To     wireText `msg:",limit=16384"`
	Text   wireText `msg:",limit=16384"`
	Basis  basis
}

type wireFigure struct {
	ID        string
	Value     num
	Max       num
	Qualifier uint8
	Unit      wireText `msg:",limit=16384"`
	Label     wireText `msg:",limit=16384"`
	Basis     basis
}

type wireQuote struct {
	ID      string
	Speaker ref
	Text    wireText `msg:",limit=16384"`
	Basis   basis
}

type wireScene struct {
	ID       string
	Title    wireText `msg:",limit=16384"`
	Caption  wireText `msg:",limit=16384"`
	Notes    wireText `msg:",limit=16384"`
	Seconds  uint16
	Shows    []ref
	Emphasis []ref
	Basis    basis
	Short    wireText `msg:",limit=16384"` // issue 8
	Form     wireForm
}

// wireForm mirrors Form (issue 8).
type wireForm struct {
	Name  string
	Marks []ref
	Notes []wireFormNote
	From  num
	To    num
}

type wireFormNote struct {
	On   ref
	Text wireText `msg:",limit=16384"`
}
