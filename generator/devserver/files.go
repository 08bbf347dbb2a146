package devserver

import _ "embed"

// serve's own files, served under its internal path. They are files, never
// inline, so that the pages' Content-Security-Policy holds.

// liveReloadJS reloads the page when the server says the site changed, and
// shows the last build's warnings in a panel.
//
//go:embed files/livereload.js
var liveReloadJS []byte

// serveCSS styles the error page and the warnings panel like the default
// theme, light and dark. Its rules are scoped to serve's own classes, so
// that the panel leaves the site's page as its theme made it.
//
//go:embed files/serve.css
var serveCSS []byte
