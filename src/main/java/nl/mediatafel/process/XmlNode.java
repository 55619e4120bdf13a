package nl.mediatafel.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;

/**
 * One XML element as the rules see it, from either the engine's own parse (a BPMN parse listener gets an
 * {@link org.camunda.bpm.engine.impl.util.xml.Element}) or a DOM of a deployed resource; so both are checked by the
 * same code.
 */
record XmlNode(String name, List<Attribute> attributes, String text, List<XmlNode> children, int line,
    Object source) {

  /** An attribute by its local name; the namespace is kept only for messages. */
  record Attribute(String namespace, String name, String value) {}

  String attribute(String localName) {
    return attributes.stream().filter(a -> a.name().equals(localName)).map(Attribute::value).findFirst()
        .orElse(null);
  }

  static XmlNode of(org.camunda.bpm.engine.impl.util.xml.Element element) {
    List<Attribute> attributes = new ArrayList<>();
    for (String key : element.attributes()) {
      int colon = key.lastIndexOf(':');
      attributes.add(new Attribute(colon < 0 ? "" : key.substring(0, colon), key.substring(colon + 1),
          element.attribute(key)));
    }
    List<XmlNode> children = element.elements().stream().map(XmlNode::of).toList();
    return new XmlNode(element.getTagName(), attributes, element.getText(), children, element.getLine(), element);
  }

  static XmlNode of(org.w3c.dom.Element element) {
    List<Attribute> attributes = new ArrayList<>();
    NamedNodeMap map = element.getAttributes();
    for (int i = 0; i < map.getLength(); i++) {
      Attr attr = (Attr) map.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
        continue;
      }
      String name = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
      attributes.add(new Attribute(attr.getNamespaceURI() == null ? "" : attr.getNamespaceURI(), name,
          attr.getValue()));
    }
    List<XmlNode> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof org.w3c.dom.Element childElement) {
        children.add(of(childElement));
      } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
          || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    return new XmlNode(name, attributes, text.toString(), children, 0, element);
  }

  /** Parses a resource without DTDs, external entities or XInclude. */
  static XmlNode parse(byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return of(builder.parse(new ByteArrayInputStream(content)).getDocumentElement());
  }
}
