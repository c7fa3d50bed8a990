package handlers

// SetRenderHookForTest makes every render of a public page call fn with the
// page's cache key first, until the returned function is called.
func SetRenderHookForTest(fn func(key string)) (restore func()) {
	renderHook.Store(&fn)
	return func() { renderHook.Store(nil) }
}
