package game

import "strings"

// closest returns the candidate nearest to word by edit distance, if it is
// near enough to be a typo (at most a third of the word's length, at least
// one edit), or "".
func closest(word string, candidates []string) string {
	word = strings.ToLower(word)
	best, bestD := "", len([]rune(word))/3+1
	if bestD > 3 {
		bestD = 3
	}
	for _, c := range candidates {
		if d := editDistance(word, strings.ToLower(c), bestD); d <= bestD && (best == "" || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, or a number
// above limit as soon as it must exceed it.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// suggestVerb returns the verb an unknown word was probably meant to be.
func suggestVerb(word string) string {
	var names []string
	for _, v := range Verbs() {
		names = append(names, v.Name)
	}
	return closest(word, names)
}
