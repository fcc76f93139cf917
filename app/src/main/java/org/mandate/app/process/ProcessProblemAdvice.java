package org.mandate.app.process;

import org.mandate.processes.deployment.ProcessRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused deployment answers 400 with every problem, each with its element id, so the modeler can point at them. */
@RestControllerAdvice(basePackages = "org.mandate.app.process")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessProblemAdvice {

    private final ProblemWords words;

    ProcessProblemAdvice(ProblemWords words) {
        this.words = words;
    }

    /** In the caller's language: the modeler sends the person's session, an API client its Accept-Language. */
    @ExceptionHandler(ProcessRefused.class)
    ResponseEntity<ProblemDetail> refused(ProcessRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, words.refusal(refused));
        problem.setTitle(words.refusalTitle());
        problem.setProperty("problems", words.worded(refused.problems()));
        return ResponseEntity.badRequest().body(problem);
    }
}
