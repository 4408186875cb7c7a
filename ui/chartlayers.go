package ui

import (
	"slices"
	"sort"
	"strings"

	"takedown/game"
)

// foundThrough reports whether a relation says how an entity was found
// (by a tool run on the other, or named in a record about it) rather than
// what it is linked to: the other entity came first on the trail.
func foundThrough(rel string) bool {
	return strings.HasPrefix(rel, "found_by_") || rel == "record"
}

// chartLayers puts entities in columns by how far along the trail they
// are: one column right of the furthest entity that leads to them, or by
// kind when nothing does. An entity leads to what it links to, and to
// what was found through it. Each column is ordered by where the entities
// leading to it stand, so that links cross little.
func chartLayers(es []*game.EntityView) [][]*game.EntityView {
	in := map[string]bool{}
	for _, e := range es {
		in[e.ID] = true
	}
	parents := map[string][]string{}
	addParent := func(child, parent string) {
		if in[child] && in[parent] && child != parent && !slices.Contains(parents[child], parent) {
			parents[child] = append(parents[child], parent)
		}
	}
	for _, e := range es {
		for _, l := range e.Links {
			if foundThrough(l.Rel) {
				addParent(e.ID, l.To)
			} else {
				addParent(l.To, e.ID)
			}
		}
	}
	const deepest = 6
	depth := map[string]int{}
	for _, e := range es {
		depth[e.ID] = kindColumn(e)
	}
	for range es { // longest path, bounded in case of a cycle
		changed := false
		for _, e := range es {
			d := 0
			if len(parents[e.ID]) == 0 {
				d = kindColumn(e)
			}
			for _, p := range parents[e.ID] {
				d = max(d, depth[p]+1)
			}
			d = min(d, deepest)
			if d != depth[e.ID] {
				depth[e.ID], changed = d, true
			}
		}
		if !changed {
			break
		}
	}
	balanceLeaves(es, parents, depth)
	minD, maxD := 0, 0
	for _, e := range es {
		minD, maxD = min(minD, depth[e.ID]), max(maxD, depth[e.ID])
	}
	cols := make([][]*game.EntityView, maxD-minD+1)
	for _, e := range es {
		d := depth[e.ID] - minD
		cols[d] = append(cols[d], e)
	}
	pos := map[string]float64{}
	for c, list := range cols {
		if c > 0 {
			key := func(e *game.EntityView) float64 {
				ps := parents[e.ID]
				if len(ps) == 0 {
					return 1e9
				}
				sum := 0.0
				for _, p := range ps {
					sum += pos[p]
				}
				return sum / float64(len(ps))
			}
			sort.SliceStable(list, func(i, k int) bool { return key(list[i]) < key(list[k]) })
		}
		for i, e := range list {
			pos[e.ID] = float64(i) / float64(max(1, len(list)-1))
		}
	}
	var out [][]*game.EntityView
	for _, list := range cols {
		if len(list) > 0 {
			out = append(out, list)
		}
	}
	return out
}

// balanceLeaves moves entities found through another (by a tool, or named
// in a record about it) that lead nowhere themselves to the column left of
// the one they were found through, when that column is the emptier: the
// aliases a search of the site turned up stand beside it rather than
// crowding the column of its registrar and addresses.
func balanceLeaves(es []*game.EntityView, parents map[string][]string, depth map[string]int) {
	hasChild := map[string]bool{}
	for _, ps := range parents {
		for _, p := range ps {
			hasChild[p] = true
		}
	}
	found := map[string]bool{} // entities whose only way in is being found through another
	for _, e := range es {
		for _, l := range e.Links {
			if foundThrough(l.Rel) {
				found[e.ID] = true
			}
		}
	}
	for _, e := range es {
		for _, l := range e.Links {
			if !foundThrough(l.Rel) {
				found[l.To] = false // something links to it: it is part of the trail
			}
		}
	}
	count := map[int]int{}
	for _, e := range es {
		count[depth[e.ID]]++
	}
	for _, e := range es {
		ps := parents[e.ID]
		if hasChild[e.ID] || !found[e.ID] || len(ps) != 1 {
			continue
		}
		cur, alt := depth[e.ID], depth[ps[0]]-1
		if alt != cur && count[alt]+1 < count[cur] {
			count[cur]--
			count[alt]++
			depth[e.ID] = alt
		}
	}
}

// kindColumn is where an entity nothing leads to stands: sites and
// aliases first, then addresses and accounts, then companies and networks,
// then people.
func kindColumn(e *game.EntityView) int {
	switch e.Kind {
	case game.KindDomain, game.KindAlias, game.KindGroup:
		return 0
	case game.KindIP, game.KindAccount, game.KindMailbox, game.KindPhone, game.KindServer:
		return 1
	case game.KindPerson:
		return 3
	}
	return 2
}
