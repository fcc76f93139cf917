// htmx for server-rendered pages: live inbox updates and forms without full reloads.
import htmx from 'htmx.org';

window.htmx = htmx;
