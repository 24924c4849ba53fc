package data

// QuoteVoice is the speaker of the paragraph q cites, as the paragraph table
// has it (the validator has checked that q's speaker speaks as it); ok is
// false for a quote without a paragraph in the table.
func (s *Story) QuoteVoice(q Quote) (v Speaker, ok bool) {
	if len(q.Basis.Cite) == 0 {
		return 0, false
	}
	p := int(q.Basis.Cite[0])
	if p < 1 || p > len(s.Paragraphs) {
		return 0, false
	}
	return s.Paragraphs[p-1].Speaker, true
}

// voiceWords name each paragraph speaker in the downloads.
var voiceWords = []Text{
	Narration:   {Zh: "导语", En: "introduction"},
	Summary:     {Zh: "导语对王智观点的归纳", En: "summary of Wang Zhi's views"},
	Heading:     {Zh: "小节标题", En: "section heading"},
	Interviewer: {Zh: "提问", En: "interviewer"},
	WangZhi:     {Zh: "王智", En: "Wang Zhi"},
}

// SpeakerName says whose words q is, in both languages: the speaker's name,
// and for the outlet also its voice, e.g. 腾讯新闻《潜望》（提问） /
// Tencent News Qianwang (interviewer).
func (s *Story) SpeakerName(q Quote) Text {
	var name Text
	for _, a := range s.Actors {
		if a.ID == q.Speaker {
			name = a.Name
		}
	}
	v, ok := s.QuoteVoice(q)
	if !ok || v == WangZhi || int(v) >= len(voiceWords) {
		return name
	}
	w := voiceWords[v]
	return Text{Zh: name.Zh + "（" + w.Zh + "）", En: name.En + " (" + w.En + ")"}
}
