package io.github.nmapdiff.core.internal.xml;

import io.github.nmapdiff.core.MalformedScanException;
import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.ScanIoException;
import io.github.nmapdiff.core.internal.xml.Binding.HostXml;
import io.github.nmapdiff.core.internal.xml.Binding.RunStatsXml;
import io.github.nmapdiff.core.internal.xml.Binding.ScanInfoXml;
import io.github.nmapdiff.core.internal.xml.Binding.ScriptsXml;
import io.github.nmapdiff.core.model.ExitStatus;
import io.github.nmapdiff.core.model.Host;
import io.github.nmapdiff.core.model.RunStats;
import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.model.ScanInfo;
import io.github.nmapdiff.core.model.ScriptResult;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads nmap XML with StAX, handing each top-level element of {@code <nmaprun>} to JAXB.
 */
public final class StaxScanStream implements Iterator<Host>, AutoCloseable {
    private static final JAXBContext CONTEXT = createContext();

    private final String source;
    private final InputStream raw;
    private final LineCountingInputStream counted;
    private final XMLStreamReader xml;
    private final FragmentReader fragment;
    private @Nullable XMLStreamException pendingFailure;
    private final Unmarshaller unmarshaller;
    private final XmlToModel toModel = new XmlToModel();
    private @Nullable ValidationEvent lastEvent;

    private @Nullable String scanner;
    private @Nullable String args;
    private @Nullable String version;
    private @Nullable String xmlOutputVersion;
    private @Nullable Long start;
    private @Nullable String startString;
    private int verbose;
    private int debugging;
    private final List<ScanInfo> scanInfos = new ArrayList<>();
    private final List<ScriptResult> preScripts = new ArrayList<>();
    private final List<ScriptResult> postScripts = new ArrayList<>();
    private @Nullable RunStats runStats;
    private boolean ended;
    private boolean truncated;
    private @Nullable Host pending;

    /**
     * Starts reading; the header of the run is read at once.
     *
     * @param in the XML, closed by {@link #close()}
     * @param source the name of the input for error messages
     * @throws MalformedScanException when the input does not start as nmap XML
     */
    public StaxScanStream(InputStream in, String source) {
        this.source = source;
        this.raw = in;
        this.counted = new LineCountingInputStream(in);
        try {
            this.xml = new DepthLimit(SafeXml.inputFactory().createXMLStreamReader(counted));
            this.fragment = new FragmentReader(xml);
            this.unmarshaller = CONTEXT.createUnmarshaller();
            // a value JAXB cannot convert (a port number "ssh") comes with the conversion's
            // exception and stops the reading; an element nmapdiff does not model comes
            // without one and is skipped, so that newer nmap versions can add elements
            unmarshaller.setEventHandler(event -> {
                if (event.getLinkedException() == null) {
                    return true;
                }
                lastEvent = event;
                return false;
            });
            readHeader();
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            closeQuietly();
            if (e instanceof NmapDiffException n) {
                throw n;
            }
            throw failure(e, -1);
        }
    }

    private void readHeader() throws XMLStreamException {
        while (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
            if (!xml.hasNext()) {
                throw new MalformedScanException(source, -1, -1,
                        "the file is empty or holds no XML element; expected nmap's XML output (nmap -oX)", null);
            }
            xml.next();
        }
        if (!"nmaprun".equals(xml.getLocalName())) {
            Location at = xml.getLocation();
            throw new MalformedScanException(source, at.getLineNumber(), at.getColumnNumber(),
                    "the root element is <" + xml.getLocalName() + ">, not <nmaprun>: this is not nmap's XML output (nmap -oX)",
                    null);
        }
        scanner = xml.getAttributeValue(null, "scanner");
        args = xml.getAttributeValue(null, "args");
        version = xml.getAttributeValue(null, "version");
        xmlOutputVersion = xml.getAttributeValue(null, "xmloutputversion");
        String startText = xml.getAttributeValue(null, "start");
        start = startText == null ? null : parseLong(startText, "nmaprun/@start");
        startString = xml.getAttributeValue(null, "startstr");
        xml.next();
    }

    private long parseLong(String text, String what) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            Location at = xml.getLocation();
            throw new MalformedScanException(source, at.getLineNumber(), at.getColumnNumber(),
                    what + " is not a whole number: '" + text + "'", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !ended) {
            pending = advance();
        }
        return pending != null;
    }

    @Override
    public Host next() {
        hasNext();
        Host host = pending;
        if (host == null) {
            throw new NoSuchElementException("no more hosts in " + source);
        }
        pending = null;
        return host;
    }

    /** Moves to the next host, handling every other element on the way; null at the end. */
    private @Nullable Host advance() {
        int line = -1;
        try {
            while (true) {
                if (pendingFailure != null) {
                    // the element before was read whole; the input broke right after it
                    XMLStreamException failure = pendingFailure;
                    pendingFailure = null;
                    throw failure;
                }
                int event = xml.getEventType();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    line = xml.getLocation().getLineNumber();
                    lastEvent = null;
                    Host host = element(xml.getLocalName(), line);
                    if (host != null) {
                        return host;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                    // the end of <nmaprun>: everything was read
                    ended = true;
                    return null;
                } else {
                    xml.next();
                }
            }
        } catch (XMLStreamException | JAXBException | IllegalArgumentException e) {
            if (isTruncation(e)) {
                // keep the hosts that were complete, and say that the scan is not
                truncated = true;
                ended = true;
                return null;
            }
            throw failure(e, line);
        }
    }

    /** Handles one child of nmaprun and leaves the reader after its end; returns the host, if it was one. */
    private @Nullable Host element(String name, int line) throws XMLStreamException, JAXBException {
        switch (name) {
            case "host" -> {
                HostXml host = unmarshal(HostXml.class);
                try {
                    return toModel.host(host);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new MalformedScanException(source, line, -1, "in the host that starts here: " + e.getMessage(), e);
                }
            }
            case "scaninfo" -> scanInfos.add(XmlToModel.scanInfo(unmarshal(ScanInfoXml.class)));
            case "prescript" -> preScripts.addAll(toModel.scripts(unmarshal(ScriptsXml.class)));
            case "postscript" -> postScripts.addAll(toModel.scripts(unmarshal(ScriptsXml.class)));
            case "runstats" -> runStats = XmlToModel.runStats(unmarshal(RunStatsXml.class));
            case "verbose" -> {
                verbose = level();
                skipElement();
            }
            case "debugging" -> {
                debugging = level();
                skipElement();
            }
            default -> skipElement(); // taskbegin, taskprogress, hosthint, output, target, ...
        }
        return null;
    }

    /** Unmarshals the element the reader is on; a failure after its end waits for the next call to advance. */
    private <T> T unmarshal(Class<T> type) throws JAXBException {
        fragment.begin();
        T value = unmarshaller.unmarshal(fragment, type).getValue();
        pendingFailure = fragment.takeDeferred();
        return value;
    }

    private int level() {
        String text = xml.getAttributeValue(null, "level");
        return text == null ? 0 : (int) parseLong(text, xml.getLocalName() + "/@level");
    }

    private void skipElement() throws XMLStreamException {
        Elements.skipRest(xml);
        xml.next();
    }

    /** Whether the input ended in the middle of the XML, as it does when nmap is stopped mid-scan. */
    private boolean isTruncation(Exception e) {
        XMLStreamException parse = findParseError(e);
        return parse != null && !mentionsEntity(parse) && cutShort(parse);
    }

    private boolean cutShort(XMLStreamException parse) {
        if (!counted.endReached()) {
            return false;
        }
        Location at = parse.getLocation();
        long line = at == null ? xml.getLocation().getLineNumber() : at.getLineNumber();
        return line >= counted.lastLine() - 1;
    }

    private static boolean mentionsEntity(XMLStreamException e) {
        // the JDK parser's words for a reference to an entity that, with DTDs off, is never declared
        String message = String.valueOf(e.getMessage());
        return message.contains("referenced, but not declared") || message.contains("entity reference");
    }

    private static @Nullable XMLStreamException findParseError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException x) {
                return x;
            }
            if (t instanceof UnmarshalException u && u.getLinkedException() instanceof XMLStreamException x) {
                return x;
            }
        }
        return null;
    }

    private NmapDiffException failure(Exception e, int elementLine) {
        for (Throwable t = e; t != null; t = t instanceof XMLStreamException x && x.getNestedException() != null
                ? x.getNestedException() : t.getCause()) {
            if (t instanceof IOException io) {
                return new ScanIoException("cannot read " + source + ": " + io.getMessage(), io);
            }
        }
        int line = elementLine;
        int column = -1;
        String problem;
        XMLStreamException parse = findParseError(e);
        if (parse != null) {
            Location at = parse.getLocation();
            if (at != null) {
                line = at.getLineNumber();
                column = at.getColumnNumber();
            }
            problem = "not well-formed XML: " + stripLocation(parse.getMessage());
            if (mentionsEntity(parse)) {
                problem += " (nmapdiff reads no DTD and expands no entity, for safety; nmap's own output never needs one)";
            }
        } else if (lastEvent != null) {
            if (lastEvent.getLocator() != null) {
                line = lastEvent.getLocator().getLineNumber();
                column = lastEvent.getLocator().getColumnNumber();
            }
            problem = "invalid value: " + lastEvent.getMessage();
        } else {
            problem = String.valueOf(e.getMessage());
        }
        return new MalformedScanException(source, line, column, problem, e);
    }

    /** The JDK's messages start with "ParseError at [row,col]:[12,3]\nMessage: "; we say where ourselves. */
    private static String stripLocation(@Nullable String message) {
        if (message == null) {
            return "parse error";
        }
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()) : message;
    }

    /** Returns the scan read so far, without its hosts; see {@code ScanStream.scan()}. */
    public Scan scan() {
        boolean complete = ended && !truncated && runStats != null && runStats.exit() != ExitStatus.ERROR;
        return new Scan(scanner, args, version, xmlOutputVersion, XmlToModel.instant(start), startString, scanInfos,
                verbose, debugging, preScripts, List.of(), postScripts, runStats, complete);
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException ignored) {
            // closing the parser frees its buffers; the stream below is closed next either way
        }
        try {
            raw.close();
        } catch (IOException ignored) {
            // nothing was written, so nothing can be lost by a failed close
        }
    }

    /** Loads the class, and so creates the JAXB context, now. */
    public static void prepare() {
        Objects.requireNonNull(CONTEXT);
    }

    private static JAXBContext createContext() {
        try {
            return JAXBContext.newInstance(Binding.CLASSES);
        } catch (JAXBException e) {
            throw new IllegalStateException("the JAXB binding of nmap XML is broken", e);
        }
    }
}
