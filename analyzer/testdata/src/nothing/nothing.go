package nothing

// No net/http, no error types, no code keys: not analyzed, no facts.

type Item struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func Count(items []Item) int {
	n := 0
	for _, it := range items {
		n += it.Count
	}
	return n
}
