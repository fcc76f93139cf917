/**
 * What each person wants to hear about and how: a mail at once, one daily digest at an hour they choose, or nothing.
 * The choices are events on the person, like every other change to them.
 */
package org.mandate.domain.notification;
