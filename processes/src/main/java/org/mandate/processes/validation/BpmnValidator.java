package org.mandate.processes.validation;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.xml.ModelException;
import org.mandate.domain.committee.Committees;
import org.mandate.domain.committee.NoCommittees;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a process owner's BPMN before anything else reads it. Order matters: size first, then the hardened
 * parser, then the allowlist walk; only a file that passed all three is handed to Camunda's model API to catch
 * what is merely malformed BPMN.
 */
public class BpmnValidator {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private static final Committees NO_COMMITTEES = new NoCommittees();

    private final ValidationLimits limits;
    private final Committees committees;

    /** Without committees: every committee vote names an unknown committee (for checks that deploy nothing). */
    public BpmnValidator(ValidationLimits limits) {
        this(limits, null);
    }

    public BpmnValidator(ValidationLimits limits, Committees committees) {
        this.limits = limits;
        this.committees = committees;
    }

    /** Callers reading a file from the network need not read more than one byte past this. */
    public int maxBytes() {
        return limits.maxBytes();
    }

    public BpmnValidation validate(byte[] bpmn) {
        if (bpmn == null || bpmn.length == 0) {
            return refused(BpmnProblem.ofFile("The file is empty. Send the BPMN XML of the process.", "file.empty"));
        }
        if (bpmn.length > limits.maxBytes()) {
            String limit = String.valueOf(kilobytes(limits.maxBytes()));
            return refused(BpmnProblem.ofFile("The file is larger than the limit of " + limit + " KB. An approval "
                    + "path fits in far less; remove embedded images or unused elements.", "file.tooLarge", limit));
        }
        Document document;
        try {
            document = HardenedXml.parse(bpmn);
        } catch (HardenedXml.Refused refused) {
            return refused(refused.problem());
        }
        Element root = document.getDocumentElement();
        if (!Namespaces.BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            return refused(BpmnProblem.ofFile("This is not a BPMN 2.0 file: its root element is <" + root.getTagName()
                    + ">, not <bpmn:definitions>. Export the diagram as BPMN 2.0 XML.", "file.notBpmn",
                    root.getTagName()));
        }
        Walker walker = new Walker(new TimerPolicy(limits.minimumTimer()));
        walker.walk(root);
        List<BpmnProblem> problems = new ArrayList<>(walker.problems());
        Element process = executableProcess(root, problems);
        if (process != null) {
            checkProcess(process, problems);
        }
        if (problems.isEmpty()) {
            wellFormedBpmn(bpmn, problems);
        }
        return new BpmnValidation(process == null ? null : process.getAttribute("id"),
                process == null ? null : process.getAttribute("name"), problems);
    }

    /** Whether a valid file has a user task routed to the finance check. */
    public boolean hasFinanceCheck(byte[] bpmn) {
        NodeList tasks;
        try {
            tasks = HardenedXml.parse(bpmn).getElementsByTagNameNS(Namespaces.BPMN, "userTask");
        } catch (HardenedXml.Refused refused) {
            return false;
        }
        for (int i = 0; i < tasks.getLength(); i++) {
            String assignee = ((Element) tasks.item(i)).getAttributeNS(Namespaces.CAMUNDA, "assignee");
            if (assignee.replace(" ", "").equals("${" + ExpressionPolicy.FINANCE_CHECK + "}")) {
                return true;
            }
        }
        return false;
    }

    private static Element executableProcess(Element root, List<BpmnProblem> problems) {
        List<Element> executable = new ArrayList<>();
        NodeList processes = root.getElementsByTagNameNS(Namespaces.BPMN, "process");
        for (int i = 0; i < processes.getLength(); i++) {
            Element process = (Element) processes.item(i);
            if ("true".equals(process.getAttribute("isExecutable"))) {
                executable.add(process);
            }
        }
        if (executable.isEmpty()) {
            problems.add(BpmnProblem.ofFile("No process in the file is executable, so there is nothing to "
                    + "deploy. Tick 'Executable' on the process.", "process.noneExecutable"));
            return null;
        }
        if (executable.size() > 1) {
            String ids = String.join(", ", executable.stream().map(process -> process.getAttribute("id")).toList());
            problems.add(BpmnProblem.ofFile("The file defines " + executable.size() + " executable processes ("
                    + ids + "). Deploy one approval path per file.", "process.several",
                    String.valueOf(executable.size()), ids));
            return null;
        }
        return executable.get(0);
    }

    private void checkProcess(Element process, List<BpmnProblem> problems) {
        String key = process.getAttribute("id");
        if (!KEY.matcher(key).matches()) {
            problems.add(new BpmnProblem(key, "The process id '" + key + "' becomes the path's key; start it with "
                    + "a letter and use at most 64 letters, digits, '-' or '_'.", "process.badKey", "process",
                    Walker.name(process), List.of(key), null));
        }
        if (process.getElementsByTagNameNS(Namespaces.BPMN, "userTask").getLength() == 0) {
            problems.add(new BpmnProblem(key, "The process has no user task, so every request on it would be "
                    + "approved without anyone deciding. Add at least one approval step.", "process.noUserTask",
                    "process", Walker.name(process), List.of(), null));
            return;
        }
        problems.addAll(DecisionRoutes.check(process));
        problems.addAll(QuorumMarks.check(process, committees == null ? NO_COMMITTEES : committees));
    }

    private static void wellFormedBpmn(byte[] bpmn, List<BpmnProblem> problems) {
        try {
            Bpmn.validateModel(Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)));
        } catch (ModelException e) {
            String why = rootMessage(e); // the model API's own words, in English
            problems.add(BpmnProblem.ofFile("The file is not valid BPMN 2.0: " + why + " Open it in the modeler, fix "
                    + "the element named there and save again.", "file.invalidBpmn", why));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = ExceptionUtils.getRootCause(e);
        String message = String.valueOf(cause.getMessage()).strip();
        return message.endsWith(".") ? message : message + ".";
    }

    private static BpmnValidation refused(BpmnProblem problem) {
        return new BpmnValidation(null, null, List.of(problem));
    }

    private static long kilobytes(int bytes) {
        return (bytes + 1023) / 1024;
    }
}
