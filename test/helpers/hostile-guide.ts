/**
 * A guide whose every field tries to become markup or script. Each payload
 * sets `window.__pwned` to say where it came from, so a browser test can tell
 * which one ran; the unit test checks the HTML itself.
 */
export const HOSTILE_GUIDE = `---
title: "<script>window.__pwned = 'title'</script> Evil & Co"
excerpt: '"><img src=x onerror="window.__pwned = 1">'
---

Intro with </script><script>window.__pwned = 'intro'</script> and <img src=x onerror="window.__pwned = 'intro-img'">.

| Roles |
| --- |
| R: <b>Responsible</b> |
| A: Accountable |
| C: Consulted |
| I: Informed |

### 1. Before <img src=x onerror="window.__pwned = 'section'">

#### 1.1. Specify

| Activity | Customer | OVHcloud "><svg onload="window.__pwned = 'party'"> |
| --- | --- | --- |
| </script><script>window.__pwned = 'script'</script> | RA | I |
| <img src=x onerror="window.__pwned = 'img'"> | R | A |
| Follow [this](javascript:window.__pwned='js') and [that](https://example.org/a"b) | RA | |
| Data [link](data:text/html,<script>alert(1)</script>) and [tab](java\tscript:alert(1)) | A | R |
`;

/** The texts a reader must see on the page, exactly as the guide wrote them. */
export const HOSTILE_TEXTS = ["</script><script>window.__pwned = 'script'</script>", `<img src=x onerror="window.__pwned = 'img'">`];
