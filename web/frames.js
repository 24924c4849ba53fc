// Placeholder: i12's frame holder (window.parallelLinesFrames, a requestAnimationFrame wrapper) replaces this file.
