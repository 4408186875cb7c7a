package cli

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"takedown/engine"
	"takedown/game"
)

// graphEdge is one arrow of the scenario graph.
type graphEdge struct{ from, to, label string }

// scenarioGraph lays out what a scenario lets the trainee find and do: tool
// leads between entities, legal steps from holders to records, what records
// reveal and prove, and how proven elements lead to endings.
func scenarioGraph(sc *game.Scenario) (nodes map[string]string, edges []graphEdge) {
	nodes = map[string]string{}
	node := func(id, label string) string {
		key := "n" + fmt.Sprint(len(nodes))
		for k, l := range nodes {
			if l == label {
				return k
			}
		}
		nodes[key] = label
		return key
	}
	ent := func(id string) string {
		e := sc.Entity(id)
		if e == nil {
			return node(id, id)
		}
		return node(id, fmt.Sprintf("%s\n(%s)", id, kindOf(e)))
	}
	for _, e := range sc.Entities {
		if e.Kind == game.KindUnit {
			continue
		}
		from := ent(e.ID)
		for _, rel := range slices.Sorted(maps.Keys(e.Links)) {
			edges = append(edges, graphEdge{from, ent(e.Links[rel]), rel})
		}
		for _, tool := range slices.Sorted(maps.Keys(e.Reveals)) {
			for _, id := range e.Reveals[tool] {
				edges = append(edges, graphEdge{from, ent(id), tool})
			}
		}
	}
	if a := sc.Adversary; a.HopTo != "" {
		edges = append(edges, graphEdge{ent(a.Site), ent(a.HopTo), "takedown before arrest"})
	}
	for _, r := range sc.Records {
		rn := node(r.ID, fmt.Sprintf("record %s\n(%s)", r.ID, r.Kind))
		step := "order / request / mlat"
		if h := sc.Entity(r.Holder); h != nil && h.Kind == game.KindPerson {
			step = "raid"
			if r.Kind == "live" {
				step = "raid while computers are on"
			}
		}
		edges = append(edges, graphEdge{ent(r.Holder), rn, step + " about " + r.About})
		for _, id := range r.Reveals {
			edges = append(edges, graphEdge{rn, ent(id), "reveals"})
		}
		for _, el := range r.Proves {
			edges = append(edges, graphEdge{rn, node("el:"+el, "proves: "+el), ""})
		}
	}
	edges = append(edges, graphEdge{node("tool:capture", "capture"), node("el:distribution", "proves: distribution"), ""})
	hand := node("handoff", "hand-off: case opened")
	court := node("court", "court")
	for _, el := range sc.Case.Handoff {
		edges = append(edges, graphEdge{node("el:"+el, "proves: "+el), hand, "needed"})
	}
	edges = append(edges, graphEdge{hand, court, "prosecute"})
	for _, el := range sc.Case.Court {
		edges = append(edges, graphEdge{node("el:"+el, "proves: "+el), court, "needed"})
	}
	for _, e := range sc.Endings {
		en := node("end:"+e.ID, fmt.Sprintf("ending %s\n(%s)", e.ID, e.Result))
		switch e.Outcome {
		case game.OutcomeConvicted, game.OutcomeAcquitted:
			edges = append(edges, graphEdge{court, en, e.Outcome})
		case game.OutcomeRefused:
			edges = append(edges, graphEdge{hand, en, "damages below threshold"})
		case game.OutcomeDeadline:
			edges = append(edges, graphEdge{node("deadline", "deadline passes"), en, ""})
		default:
			edges = append(edges, graphEdge{node("script", "scenario script"), en, "end_case"})
		}
	}
	return nodes, edges
}

func kindOf(e *game.Entity) string {
	if e.Role != "" {
		return e.Kind + ": " + e.Role
	}
	return e.Kind
}

func writeGraph(w io.Writer, sc *game.Scenario, format string) {
	nodes, edges := scenarioGraph(sc)
	keys := make([]string, 0, len(nodes))
	for k := range nodes {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return len(keys[i]) < len(keys[j]) || (len(keys[i]) == len(keys[j]) && keys[i] < keys[j])
	})
	if format == "mermaid" {
		fmt.Fprintln(w, "flowchart LR")
		for _, k := range keys {
			fmt.Fprintf(w, "  %s[\"%s\"]\n", k, strings.ReplaceAll(strings.ReplaceAll(nodes[k], "\"", "'"), "\n", "<br>"))
		}
		for _, e := range edges {
			if e.label == "" {
				fmt.Fprintf(w, "  %s --> %s\n", e.from, e.to)
			} else {
				fmt.Fprintf(w, "  %s -- \"%s\" --> %s\n", e.from, strings.ReplaceAll(e.label, "\"", "'"), e.to)
			}
		}
		return
	}
	fmt.Fprintf(w, "digraph %q {\n  rankdir=LR;\n  node [shape=box, fontname=\"DejaVu Sans\"];\n", sc.ID)
	for _, k := range keys {
		fmt.Fprintf(w, "  %s [label=%q];\n", k, nodes[k])
	}
	for _, e := range edges {
		fmt.Fprintf(w, "  %s -> %s [label=%q];\n", e.from, e.to, e.label)
	}
	fmt.Fprintln(w, "}")
}

func (env Env) graph(args []string) (int, error) {
	fl := newFlags("graph", env)
	format := fl.String("format", "dot", "dot or mermaid")
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if len(rest) != 1 {
		return 0, fmt.Errorf("usage: graph SCENARIO [--format dot|mermaid]")
	}
	if *format != "dot" && *format != "mermaid" {
		return 0, fmt.Errorf("--format must be dot or mermaid, not %q", *format)
	}
	prog, err := engine.Open(env.Cat, rest[0])
	if err != nil {
		return 0, err
	}
	sc, script, errs := prog.Load()
	if errs != nil {
		return 0, errs
	}
	script.Close()
	writeGraph(env.Stdout, sc, *format)
	return ExitOK, nil
}
