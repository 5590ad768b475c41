package analyzer

// Hooks for the external tests (package analyzer_test) into the framework
// tables.

// TableRows returns the keys of each framework's table, by framework name.
func TableRows() map[string][]string {
	rows := map[string][]string{}
	for _, fw := range frameworks {
		rows[fw.name] = tableKeys(fw)
	}
	return rows
}

// RowSilent reports whether a row is a function the analysis knows and
// leaves alone on purpose (roleSilent): without the row it is left alone
// all the same, so no finding exists because of it.
func RowSilent(key string) bool {
	pr, _, ok := lookupPrimitive(key)
	return ok && pr.role == roleSilent
}

// WithoutRow deletes a row from its table until restore is called: the
// tables are the analyzer's global data, so only a test that runs no
// analysis meanwhile may use it.
func WithoutRow(key string) (restore func()) {
	for _, fw := range frameworks {
		if pr, ok := fw.prims[key]; ok {
			delete(fw.prims, key)
			return func() { fw.prims[key] = pr }
		}
	}
	panic("no row " + key)
}
