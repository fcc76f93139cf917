/** Which approval path a request takes: process owners bind deployed paths to categories and amount bands. */
package org.mandate.domain.binding;
