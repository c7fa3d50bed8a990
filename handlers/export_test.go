package handlers

// SetRenderHookForTest makes every render of a public page call fn with the
// page's cache key first, until the returned function is called.
func SetRenderHookForTest(fn func(key string)) (restore func()) {
	renderHook.Store(&fn)
	return func() { renderHook.Store(nil) }
}

// SetStreamHookForTest makes every streamed document call fn as it starts,
// until the returned function is called.
func SetStreamHookForTest(fn func()) (restore func()) {
	streamHook.Store(&fn)
	return func() { streamHook.Store(nil) }
}
