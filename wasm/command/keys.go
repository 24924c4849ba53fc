package command

// Keyboard turns KeyboardEvent.key values into commands. It holds the digits
// typed so far, for "number then Enter" (reveal.js's jump: 3 Enter goes to
// the third scene).
type Keyboard struct {
	digits string
}

// Press reads one key. focused says whether an item on the canvas has the
// keyboard focus (then Enter opens it rather than stepping on). It reports
// whether the key was taken; a key not taken keeps the browser's meaning
// (Tab, for one, is the shell's).
func (k *Keyboard) Press(key string, focused bool) (Command, bool) {
	if len(key) == 1 && key[0] >= '0' && key[0] <= '9' {
		if len(k.digits) < 4 {
			k.digits += key
		}
		return Command{}, true
	}
	digits := k.digits
	k.digits = ""
	if key == "Enter" {
		switch {
		case digits != "":
			n := 0
			for _, d := range digits {
				n = n*10 + int(d-'0')
			}
			return Command{Name: Goto, Index: max(0, n-1)}, true
		case focused:
			return Command{Name: Activate, Index: -1}, true
		default:
			return Command{Name: Next, Index: -1}, true
		}
	}
	for _, s := range Table {
		for _, sk := range s.Keys {
			if sk == key {
				return Command{Name: s.Name, Index: -1}, true
			}
		}
	}
	return Command{}, false
}

// Pending is the number typed so far, for a hint on screen.
func (k *Keyboard) Pending() string { return k.digits }
