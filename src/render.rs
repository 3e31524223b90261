//! Rendering options into main.cf and master.cf snippets and `postconf` commands.
