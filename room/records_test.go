package room

import (
	"strings"
	"testing"

	"takedown/i18n"
	"takedown/records"
)

// TestHostRecordsTheRoom checks that the host builds each trainee's
// statements from its own replay: a trainee who played nothing has none, a
// finished case ends with completed and terminated, the account is the
// joined name (never an e-mail address), and building them again after more
// play keeps the earlier statements byte for byte.
func TestHostRecordsTheRoom(t *testing.T) {
	text, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	h := startHost(t, filmSite(t), Options{})
	win := moves(t, "win")
	anna := join(t, h, "anna.k", "Blue")
	mail := join(t, h, "boris@police.example", "Blue")
	join(t, h, "Chen", "Blue") // plays nothing
	play(t, anna, win[:5])
	play(t, mail, win[:1])
	syncAll(t, anna, mail)
	const home = "https://academy.example/"
	first, err := h.Statements(home, text)
	if err != nil {
		t.Fatal(err)
	}
	before, err := records.Freeze(first)
	if err != nil {
		t.Fatal(err)
	}
	play(t, anna, win[5:])
	syncAll(t, anna)
	all, err := h.Statements(home, text)
	if err != nil {
		t.Fatal(err)
	}
	after, err := records.Freeze(all)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	verbs := map[string][]string{}
	for i, st := range all {
		byID[st.ID] = string(after[i].Statement)
		name := st.Actor.Account.Name
		verbs[name] = append(verbs[name], st.Verb.ID[strings.LastIndex(st.Verb.ID, "/")+1:])
		if st.Actor.Account.HomePage != home || strings.Contains(name, "@") {
			t.Errorf("statement %s is about %+v", st.ID, st.Actor.Account)
		}
	}
	for _, it := range before {
		if byID[it.ID] != string(it.Statement) {
			t.Errorf("statement %s changed or vanished after more play", it.ID)
		}
	}
	if v := verbs["anna.k"]; len(v) < 3 || v[0] != "initialized" || v[len(v)-1] != "terminated" || !strings.Contains(strings.Join(v, " "), "completed") {
		t.Errorf("anna's verbs %v, want initialized first, completed, terminated last", v)
	}
	if len(verbs["Chen"]) != 0 {
		t.Errorf("a trainee who played nothing has statements: %v", verbs["Chen"])
	}
	mailID := mail.Status().ID
	if len(verbs["room-"+h.Code()+"-"+mailID]) == 0 {
		t.Errorf("the trainee who joined with an e-mail address has no statements under its room id; accounts: %v", keys(verbs))
	}
}

func keys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
