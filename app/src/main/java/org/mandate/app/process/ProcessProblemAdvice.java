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

    @ExceptionHandler(ProcessRefused.class)
    ResponseEntity<ProblemDetail> refused(ProcessRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setTitle("Process not deployed");
        problem.setProperty("problems", refused.problems());
        return ResponseEntity.badRequest().body(problem);
    }
}
