package data

import (
	"fmt"
	"math"

	"github.com/tinylib/msgp/msgp"
)

// The compact field types of the wire form, written by hand: msgp calls
// their methods from the generated code in wire_gen.go.

// maxWireList matches the msgp:limit on arrays in wire.go.
const maxWireList = 1024

// ref is a reference to an element: its position among all the story's
// elements (lines, actors, relations, markets, flows, contrasts, logic,
// figures, quotes, scenes, in that order and in file order within each), as
// a MessagePack integer of one or two bytes instead of the id's text. An
// empty reference is nil. An id that names no element (possible only in a
// story that fails validation) travels as its text, so that Decode reports
// the same problem the source had.
type ref struct {
	pos  int    // position + 1; 0 for a reference by name
	name string // the id, when pos is 0; "" for none
}

func (r ref) MarshalMsg(b []byte) ([]byte, error) {
	switch {
	case r.pos > 0:
		return msgp.AppendUint32(b, uint32(r.pos-1)), nil
	case r.name == "":
		return msgp.AppendNil(b), nil
	}
	return msgp.AppendString(b, r.name), nil
}

func (r *ref) UnmarshalMsg(b []byte) ([]byte, error) {
	*r = ref{}
	switch t := msgp.NextType(b); t {
	case msgp.NilType:
		return msgp.ReadNilBytes(b)
	case msgp.IntType, msgp.UintType:
		p, rest, err := msgp.ReadUint16Bytes(b)
		if err != nil {
			return b, err
		}
		r.pos = int(p) + 1
		return rest, nil
	case msgp.StrType:
		s, rest, err := msgp.ReadStringBytes(b)
		r.name = s
		return rest, err
	default:
		return b, fmt.Errorf("want an element reference (integer, text or nil), got %s", t)
	}
}

func (r ref) Msgsize() int { return msgp.Uint32Size + msgp.StringPrefixSize + len(r.name) }

// num is a figure's number: an integer when it is whole (one to five bytes
// for every number in the story), else a float64.
type num float64

func (n num) MarshalMsg(b []byte) ([]byte, error) {
	x := float64(n)
	if x == math.Trunc(x) && math.Abs(x) < 1<<53 && !(x == 0 && math.Signbit(x)) {
		return msgp.AppendInt64(b, int64(x)), nil
	}
	return msgp.AppendFloat64(b, x), nil
}

func (n *num) UnmarshalMsg(b []byte) ([]byte, error) {
	switch t := msgp.NextType(b); t {
	case msgp.IntType:
		i, rest, err := msgp.ReadInt64Bytes(b)
		*n = num(i)
		return rest, err
	case msgp.UintType:
		u, rest, err := msgp.ReadUint64Bytes(b)
		*n = num(u)
		return rest, err
	case msgp.Float32Type, msgp.Float64Type:
		f, rest, err := msgp.ReadFloat64Bytes(b)
		*n = num(f)
		return rest, err
	default:
		return b, fmt.Errorf("want a number, got %s", t)
	}
}

func (n num) Msgsize() int { return msgp.Float64Size }

// basis is a Basis as one list: its paragraph numbers (integers) and outside
// source ids (texts), in that order. Claims are a build-time ledger and do
// not travel.
type basis struct {
	cite    []Para
	sources []string
}

func (x basis) MarshalMsg(b []byte) ([]byte, error) {
	b = msgp.AppendArrayHeader(b, uint32(len(x.cite)+len(x.sources)))
	for _, p := range x.cite {
		b = msgp.AppendUint8(b, uint8(p))
	}
	for _, s := range x.sources {
		b = msgp.AppendString(b, s)
	}
	return b, nil
}

func (x *basis) UnmarshalMsg(b []byte) ([]byte, error) {
	*x = basis{}
	n, b, err := msgp.ReadArrayHeaderBytes(b)
	if err != nil {
		return b, err
	}
	if n > maxWireList {
		return b, msgp.ErrLimitExceeded
	}
	for range n {
		switch t := msgp.NextType(b); t {
		case msgp.IntType, msgp.UintType:
			var p uint8
			if p, b, err = msgp.ReadUint8Bytes(b); err != nil {
				return b, err
			}
			x.cite = append(x.cite, Para(p))
		case msgp.StrType:
			var s string
			if s, b, err = msgp.ReadStringBytes(b); err != nil {
				return b, err
			}
			x.sources = append(x.sources, s)
		default:
			return b, fmt.Errorf("want a paragraph number or a source id, got %s", t)
		}
	}
	return b, nil
}

func (x basis) Msgsize() int {
	n := msgp.ArrayHeaderSize + len(x.cite)*msgp.Uint8Size
	for _, s := range x.sources {
		n += msgp.StringPrefixSize + len(s)
	}
	return n
}
